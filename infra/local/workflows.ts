/**
 * The local workflow runner (infra/local/workflows/): runner.ts runs the deployed definitions
 * with aws-local-stepfunctions and keeps executions in store.ts; routes.ts plugs it into the
 * local platform. This module is the entry point the platform and the tests import.
 */
export {
  createLocalWorkflowRunner,
  localWorkflowRunner,
  type HistoryEvent,
  type LocalExecution,
  type LocalWorkflowRunner,
  type LocalWorkflowRunnerOptions,
  type WaitingTask,
} from './workflows/runner.js';
export { dynamoExecutionStore, type ExecutionStore } from './workflows/store.js';
export { workflowsExtension, workflowsRoutes } from './workflows/routes.js';
