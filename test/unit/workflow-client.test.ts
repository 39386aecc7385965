import { DescribeExecutionCommand, SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AwsRequestHandler } from '../../shared/aws/signed-sender.js';
import { cloudWorkflowClient, stepFunctions } from '../../shared/workflows/client.js';
import { WorkflowExecutionExistsError, WorkflowExecutionNotFoundError, WorkflowTaskClosedError } from '../../shared/workflows/errors.js';
import { answering as answering_, comparable, type Answer } from '../helpers/aws-requests.js';

/**
 * Step Functions without the SFN client (issue 17): the workflow client's requests are the
 * client's, and it reads the same outputs and errors from the same answers.
 */
const region = 'me-central-1';
const credentials = { accessKeyId: 'ASIAEXAMPLEKEYID', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', sessionToken: 'IQoJb3JpZ2luX2VjE+/token==' };
const machine = 'arn:aws:states:me-central-1:111122223333:stateMachine:HonourNomination';
const execution = 'arn:aws:states:me-central-1:111122223333:execution:HonourNomination:honour-2026-11';

const ok = (body: object): Answer => ({ status: 200, body: JSON.stringify(body) });

/** Answers `answers` in turn (then an empty output) and keeps every request. */
const answering = (answers: Answer[]) => answering_(answers, () => ok({}));


const sdk = (handler: AwsRequestHandler) => new SFNClient({ region, credentials, requestHandler: handler as NodeHttpHandler });
const ours = (handler: AwsRequestHandler) => cloudWorkflowClient(() => stepFunctions({ region, credentials, requestHandler: handler }));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-03T02:45:07Z'));
  vi.stubEnv('WORKFLOW_HONOUR_NOMINATION_ARN', machine);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('the workflow client on Step Functions', () => {
  const started = ok({ executionArn: execution, startDate: 1764729907.123 });

  it.each([
    ['with an execution name', { executionName: 'honour-2026-11' }],
    ['without one', {}],
  ])('starts an execution %s as the SFN client did', async (_, options: { executionName?: string }) => {
    const theirs = answering([started]);
    const mine = answering([started]);
    const input = { honourId: 'h1', note: 'تكريم "شهري"' };
    const out = await sdk(theirs.handler).send(new StartExecutionCommand({ stateMachineArn: machine, input: JSON.stringify(input), name: options.executionName }));
    expect(await ours(mine.handler).start('HonourNomination', input, options)).toEqual({ executionId: out.executionArn, startedAt: out.startDate!.toISOString() });
    expect(mine.requests.map(comparable)).toEqual(theirs.requests.map(comparable));
  });

  it('completes and fails a task as the SFN client did', async () => {
    const theirs = answering([]);
    const mine = answering([]);
    await sdk(theirs.handler).send(new SendTaskSuccessCommand({ taskToken: 'AQB8token==', output: JSON.stringify({ choice: 'v1' }) }));
    await sdk(theirs.handler).send(new SendTaskFailureCommand({ taskToken: 'AQB8token==', error: 'Rejected', cause: 'the ministry declined' }));
    await sdk(theirs.handler).send(new SendTaskFailureCommand({ taskToken: 'AQB8token==', error: 'Rejected' }));
    await ours(mine.handler).sendTaskSuccess('AQB8token==', { choice: 'v1' });
    await ours(mine.handler).sendTaskFailure('AQB8token==', 'Rejected', 'the ministry declined');
    await ours(mine.handler).sendTaskFailure('AQB8token==', 'Rejected');
    expect(mine.requests.map(comparable)).toEqual(theirs.requests.map(comparable));
  });

  it('describes an execution from what the SFN client read', async () => {
    const answer = ok({ executionArn: execution, name: 'honour-2026-11', status: 'SUCCEEDED', startDate: 1764729907.123, stopDate: 1764729999, input: '{"honourId":"h1"}', output: '{"awarded":true}' });
    const theirs = answering([structuredClone(answer)]);
    const mine = answering([structuredClone(answer)]);
    const out = await sdk(theirs.handler).send(new DescribeExecutionCommand({ executionArn: execution }));
    expect(await ours(mine.handler).describe(execution)).toEqual({
      executionId: out.executionArn,
      name: out.name,
      status: out.status,
      startedAt: out.startDate!.toISOString(),
      stoppedAt: out.stopDate!.toISOString(),
      input: JSON.parse(out.input!),
      output: JSON.parse(out.output!),
    });
    expect(mine.requests.map(comparable)).toEqual(theirs.requests.map(comparable));
  });

  it.each([
    ['TaskTimedOut', { 'x-amzn-errortype': 'TaskTimedOut' }, '{"message":"Task Timed Out"}', 'timed-out'],
    ['TaskDoesNotExist', {}, '{"__type":"com.amazonaws.swf.service.v2.model#TaskDoesNotExist","message":"Task does not exist"}', 'completed'],
    ['InvalidToken', {}, '{"__type":"InvalidToken","message":"Invalid Length"}', 'invalid-token'],
  ])('refuses a closed task (%s) with the error the SFN client gave', async (code, headers, body, reason) => {
    const theirs = answering([{ status: 400, headers, body }]);
    const error = (await sdk(theirs.handler).send(new SendTaskSuccessCommand({ taskToken: 't', output: '{}' })).catch((e: unknown) => e)) as Error & { $fault: string };
    const closed = (await ours(answering([{ status: 400, headers, body }]).handler).sendTaskSuccess('t', {}).catch((e: unknown) => e)) as WorkflowTaskClosedError;
    expect(closed).toBeInstanceOf(WorkflowTaskClosedError);
    expect(closed.reason).toBe(reason);
    const cause = closed.cause as Error & { $fault: string };
    expect([cause.name, cause.message, cause.$fault]).toEqual([error.name, error.message, error.$fault]);
    expect(cause.name).toBe(code);
  });

  it('answers a replayed start with the existing execution, and refuses one with another input', async () => {
    const exists: Answer = { status: 400, body: '{"__type":"ExecutionAlreadyExists","message":"Execution Already Exists"}' };
    const described = ok({ executionArn: execution, name: 'honour-2026-11', status: 'SUCCEEDED', startDate: 1764729907.123, input: '{"honourId":"h1"}' });
    const same = answering([exists, described]);
    expect(await ours(same.handler).start('HonourNomination', { honourId: 'h1' }, { executionName: 'honour-2026-11' })).toEqual({ executionId: execution, startedAt: '2025-12-03T02:45:07.123Z' });
    expect(same.requests.map((r) => r.headers['x-amz-target'])).toEqual(['AWSStepFunctions.StartExecution', 'AWSStepFunctions.DescribeExecution']);
    const other = answering([exists, described]);
    await expect(ours(other.handler).start('HonourNomination', { honourId: 'h2' }, { executionName: 'honour-2026-11' })).rejects.toBeInstanceOf(WorkflowExecutionExistsError);
  });

  it('says an unknown execution is not found', async () => {
    const missing = answering([{ status: 400, body: '{"__type":"ExecutionDoesNotExist","message":"Execution Does Not Exist"}' }]);
    await expect(ours(missing.handler).describe(execution)).rejects.toBeInstanceOf(WorkflowExecutionNotFoundError);
  });
});
