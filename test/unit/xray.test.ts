/**
 * The X-Ray subsegments written without the X-Ray SDK (shared/powertools/xray.ts): a UDP socket
 * on 127.0.0.1 stands in for the X-Ray daemon (the Lambda environment's daemon has no local
 * stand-in), and the documents it receives are checked field by field.
 */
import { createSocket, type Socket } from 'node:dgram';
import { Readable } from 'node:stream';
import middy from '@middy/core';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTracing, daemonAddress, parseTraceHeader, traceAwsClient } from '../../shared/powertools/xray.js';

const ROOT = '1-5759e988-bd862e3fe1be46a994272793';
const PARENT = '53995c3f42cd8ad8';

let daemon: Socket;
let received: Array<Record<string, any>> = [];

const waitFor = async (count: number): Promise<Array<Record<string, any>>> => {
  for (let i = 0; i < 100 && received.length < count; i++) await new Promise((r) => setTimeout(r, 10));
  return received;
};

beforeAll(async () => {
  daemon = createSocket('udp4');
  daemon.on('message', (message) => {
    const [header, body] = message.toString('utf8').split('\n');
    expect(JSON.parse(header!)).toEqual({ format: 'json', version: 1 });
    received.push(JSON.parse(body!));
  });
  await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
  process.env.AWS_XRAY_DAEMON_ADDRESS = `127.0.0.1:${daemon.address().port}`;
  process.env._HANDLER = 'index.handler';
});

afterAll(() => {
  daemon.close();
  delete process.env.AWS_XRAY_DAEMON_ADDRESS;
  delete process.env._X_AMZN_TRACE_ID;
});

beforeEach(() => {
  received = [];
  process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=${PARENT};Sampled=1;Lineage=a87bd80c:0`;
});

const context = { awsRequestId: 'r' } as Context;

describe('X-Ray subsegments without the X-Ray SDK', () => {
  it('parses the trace header and the daemon address', () => {
    expect(parseTraceHeader(`Root=${ROOT};Parent=${PARENT};Sampled=0`)).toEqual({ root: ROOT, parent: PARENT, sampled: false });
    expect(parseTraceHeader(undefined)).toBeUndefined();
    expect(daemonAddress('udp:169.254.79.129:2000 tcp:169.254.79.129:2000')).toEqual({ host: '169.254.79.129', port: 2000 });
    expect(daemonAddress('169.254.79.129:2000')).toEqual({ host: '169.254.79.129', port: 2000 });
  });

  it('records a handler subsegment under the function segment, with ColdStart, Service and the response', async () => {
    const tracing = createTracing('volunteers');
    const handler = middy().use(tracing.middleware()).handler(async () => ({ statusCode: 200 }));
    await handler({}, context);
    await handler({}, context);
    const [first, second] = await waitFor(2);
    expect(first).toMatchObject({
      name: '## index.handler',
      type: 'subsegment',
      trace_id: ROOT,
      parent_id: PARENT,
      annotations: { ColdStart: true, Service: 'volunteers' },
      metadata: { volunteers: { 'index.handler response': { statusCode: 200 } } },
    });
    expect(first!.id).toMatch(/^[0-9a-f]{16}$/);
    expect(first!.end_time).toBeGreaterThanOrEqual(first!.start_time);
    expect(second!.annotations).toEqual({ ColdStart: false, Service: 'volunteers' });
  });

  it('records a thrown error as a fault with its type, message and stack', async () => {
    const tracing = createTracing('volunteers');
    const handler = middy()
      .use(tracing.middleware())
      .handler(async () => {
        throw new RangeError('boom');
      });
    await expect(handler({}, context)).rejects.toThrow('boom');
    const [doc] = await waitFor(1);
    expect(doc).toMatchObject({ name: '## index.handler', fault: true, cause: { exceptions: [{ type: 'RangeError', message: 'boom' }] } });
    expect(doc!.cause.exceptions[0].stack.length).toBeGreaterThan(0);
  });

  it('keeps the subsegment of a response too large for one datagram, without the response', async () => {
    const handler = middy().use(createTracing('volunteers').middleware()).handler(async () => ({ body: 'x'.repeat(100_000) }));
    await handler({}, context);
    const [doc] = await waitFor(1);
    expect(doc).toMatchObject({ name: '## index.handler', annotations: { ColdStart: true, Service: 'volunteers', ResponseTooLarge: true } });
    expect(doc!.metadata).toBeUndefined();
  });

  it('sends nothing for an unsampled trace', async () => {
    process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=${PARENT};Sampled=0`;
    const handler = middy().use(createTracing('volunteers').middleware()).handler(async () => 'ok');
    await handler({}, context);
    expect(await waitFor(1)).toEqual([]);
  });

  it('records an AWS call as an aws subsegment of the handler subsegment and passes the trace on', async () => {
    const tracing = createTracing('volunteers');
    let sentHeader: string | undefined;
    const client = traceAwsClient(
      new DynamoDBClient({
        region: 'me-central-1',
        credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
        // No network: answer the request here (DynamoDB itself is not what is tested).
        requestHandler: {
          handle: async (request: { headers: Record<string, string> }) => {
            sentHeader = request.headers['X-Amzn-Trace-Id'];
            return { response: { statusCode: 200, headers: { 'x-amzn-requestid': 'REQ1' }, body: Readable.from([Buffer.from('{}')]) } };
          },
        } as never,
      }),
      tracing,
    );
    const handler = middy()
      .use(tracing.middleware())
      .handler(async () => client.send(new GetItemCommand({ TableName: 'main', Key: { pk: { S: 'a' } } })));
    await handler({}, context);
    const docs = await waitFor(2);
    const call = docs.find((d) => d.namespace === 'aws')!;
    const handlerDoc = docs.find((d) => d.name === '## index.handler')!;
    expect(call).toMatchObject({
      name: 'DynamoDB',
      parent_id: handlerDoc.id,
      trace_id: ROOT,
      aws: { operation: 'GetItem', table_name: 'main', request_id: 'REQ1', retries: 0 },
      http: { response: { status: 200 } },
    });
    expect(sentHeader).toBe(`Root=${ROOT};Parent=${call.id};Sampled=1`);
  });
});
