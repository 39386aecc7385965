/**
 * The workflow runner as an extension of the local platform: executions kept in DynamoDB Local
 * (the local-only table `<table>-services`) and resumed on start; `GET /local/workflows` and
 * `GET /local/workflows/{executionId}`.
 */
import { WorkflowExecutionNotFoundError } from '../../../shared/workflows/errors.js';
import { localClient } from '../dynamodb.js';
import type { LocalExtension } from '../extension.js';
import type { LocalRoute } from '../gateway.js';
import { createLocalWorkflowRunner, type LocalWorkflowRunner } from './runner.js';
import { dynamoExecutionStore } from './store.js';

const json = (status: number, body: unknown) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body, null, 2) });

export const workflowsRoutes = (runner: LocalWorkflowRunner): LocalRoute[] => [
  {
    method: 'GET',
    path: '/local/workflows',
    handle: async (request) => {
      const workflow = request.query.get('workflow');
      const status = request.query.get('status');
      const executions = runner
        .list()
        .filter((e) => (!workflow || e.workflow === workflow) && (!status || e.status === status))
        .map((e) => ({ ...e, href: `/local/workflows/${encodeURIComponent(e.executionId)}` }));
      return json(200, { timeScale: runner.timeScale, workflows: runner.workflows, executions });
    },
  },
  {
    method: 'GET',
    path: /^\/local\/workflows\/([^/]+)$/,
    handle: async (_request, match) => {
      const id = decodeURIComponent(match?.[1] ?? '');
      try {
        return json(200, runner.execution(id));
      } catch (error) {
        if (!(error instanceof WorkflowExecutionNotFoundError)) throw error;
        return {
          status: 404,
          headers: { 'content-type': 'application/problem+json' },
          body: JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, detail: error.message }),
        };
      }
    },
  },
];

export const workflowsExtension: LocalExtension = {
  name: 'workflows',
  async start({ dynamoEndpoint, servicesTableName: storeTable }) {
    const client = localClient(dynamoEndpoint);
    const runner = createLocalWorkflowRunner({ store: dynamoExecutionStore(client, storeTable) });
    const { resumed } = await runner.recover();
    const scale = runner.timeScale === 1 ? '' : `, time ×${runner.timeScale}`;
    return {
      routes: workflowsRoutes(runner),
      banner: [
        `Workflows      ${runner.workflows.length ? runner.workflows.join(', ') : 'none yet'} (kept in table ${storeTable}; ${resumed} resumed${scale}); executions: GET /local/workflows`,
      ],
      async stop() {
        await runner.stop();
        client.destroy();
      },
    };
  },
};
