/**
 * Step Functions without the SFN client (issue 17): StartExecution, SendTaskSuccess,
 * SendTaskFailure and DescribeExecution as the client sends them (awsJson1_0, `X-Amz-Target:
 * AWSStepFunctions.<Operation>`, members in the model's order; dates answered in epoch seconds,
 * read as the client reads them), through shared/aws/json-service.ts. The workflow client
 * (client.ts) and the matching run's start (functions/workflows/matching-run/start-run.ts) use it;
 * test/unit/workflow-client.test.ts compares the requests, outputs and errors with the client's.
 */
import { jsonService } from '../aws/json-service.js';
import type { AwsAccess } from '../aws/signed-sender.js';

/** The Step Functions operations the platform calls: the client's requests (members in the model's order), its outputs. */
export interface StepFunctions {
  startExecution(input: { stateMachineArn: string; name?: string; input: string }): Promise<{ executionArn?: string; startDate?: Date }>;
  sendTaskSuccess(input: { taskToken: string; output: string }): Promise<void>;
  sendTaskFailure(input: { taskToken: string; error: string; cause?: string }): Promise<void>;
  describeExecution(input: { executionArn: string }): Promise<{
    executionArn?: string;
    name?: string;
    status?: string;
    startDate?: Date;
    stopDate?: Date;
    input?: string;
    output?: string;
    error?: string;
    cause?: string;
  }>;
}

/** An awsJson timestamp (epoch seconds) as the client reads it. */
const epochDate = (value: unknown): Date | undefined => (typeof value === 'number' ? new Date(Math.round(value * 1000)) : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** `traced: false` for a caller whose SFN client was not traced (the matching run's start): no subsegment, as before. */
export const stepFunctions = (access: AwsAccess, { traced = true }: { readonly traced?: boolean } = {}): StepFunctions => {
  const call = jsonService({ ...(traced && { traceName: 'SFN' }), signingName: 'states', endpointPrefix: 'states' }, access);
  const sfn = (operation: string, body: Record<string, unknown>) => call({ operation, target: `AWSStepFunctions.${operation}`, contentType: 'application/x-amz-json-1.0', body });
  return {
    async startExecution({ stateMachineArn, name, input }) {
      const out = await sfn('StartExecution', { stateMachineArn, ...(name !== undefined && { name }), input });
      return { executionArn: text(out.executionArn), startDate: epochDate(out.startDate) };
    },
    async sendTaskSuccess(input) {
      await sfn('SendTaskSuccess', input);
    },
    async sendTaskFailure({ taskToken, error, cause }) {
      await sfn('SendTaskFailure', { taskToken, error, ...(cause !== undefined && { cause }) });
    },
    async describeExecution(input) {
      const out = await sfn('DescribeExecution', input);
      return {
        executionArn: text(out.executionArn),
        name: text(out.name),
        status: text(out.status),
        startDate: epochDate(out.startDate),
        stopDate: epochDate(out.stopDate),
        input: text(out.input),
        output: text(out.output),
        error: text(out.error),
        cause: text(out.cause),
      };
    },
  };
};
