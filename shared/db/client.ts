import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from '../env.js';

let cached: DynamoDBDocumentClient | undefined;

/** One document client per process (reused across warm invocations). */
export const documentClient = (): DynamoDBDocumentClient => {
  cached ??= DynamoDBDocumentClient.from(dynamoClient(), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return cached;
};

let rawClient: DynamoDBClient | undefined;

/** The low-level client (Powertools idempotency wants this one). */
export const dynamoClient = (): DynamoDBClient => {
  rawClient ??= new DynamoDBClient({
    region: env.region,
    ...(env.dynamoEndpoint && {
      endpoint: env.dynamoEndpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      // Locally every handler shares this one client (in Lambda each instance serves one
      // request at a time), so the SDK's default of 50 sockets would queue requests.
      requestHandler: { httpAgent: { keepAlive: true, maxSockets: 512 } },
    }),
  });
  return rawClient;
};
