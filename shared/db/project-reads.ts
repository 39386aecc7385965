/**
 * Projects as the register names them (issue 19): the opportunity's titles and deliverables,
 * each with the date a manager confirmed it. Per distinct opportunity, the opportunity item read
 * with a projection of the fields named here and a schema of those fields only (the certificate
 * and transcript bundles carry neither the hours nor the opportunity repository: issue 17), and
 * one Query of its deliverable confirmations.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod.js';
import type { ProjectNames, ProjectSummary } from '../domain/register/ports.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { opportunityKeys as opportunityEntityKeys } from './entities/opportunity.js';
import { projectDeliverable } from './entities/project-deliverable.js';

const Deliverable = /* @__PURE__ */ z.looseObject({ id: /* @__PURE__ */ z.string(), titleAr: /* @__PURE__ */ z.string(), titleEn: /* @__PURE__ */ z.string() });
const ProjectFields = /* @__PURE__ */ z.object({
  kind: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  titleAr: /* @__PURE__ */ z.string(),
  titleEn: /* @__PURE__ */ z.string(),
  project: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.looseObject({ deliverables: /* @__PURE__ */ z.array(Deliverable) })),
});

export const projectNames = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): ProjectNames => {
  const titlesOf = async (id: string) => {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName(),
        Key: opportunityEntityKeys.item(id),
        ConsistentRead: true,
        ProjectionExpression: '#k, #ta, #te, #p',
        ExpressionAttributeNames: { '#k': 'kind', '#ta': 'titleAr', '#te': 'titleEn', '#p': 'project' },
      }),
    );
    return Item && ProjectFields.parse(Item);
  };
  const confirmations = async (id: string) => {
    const items = await queryAll(
      {
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': projectDeliverable.keys.partition(id), ':prefix': projectDeliverable.keys.prefix },
        ConsistentRead: true,
      },
      client,
    );
    return new Map(items.map((item) => projectDeliverable.fromItem(item)).map((d) => [d.deliverableId, d.confirmedAt]));
  };
  return {
    async projects(opportunityIds) {
      const found = await Promise.all(
        [...new Set(opportunityIds)].map(async (id): Promise<ProjectSummary | undefined> => {
          const opportunity = await titlesOf(id);
          if (opportunity?.kind !== 'project' || !opportunity.project) return undefined;
          const confirmed = await confirmations(id);
          return {
            opportunityId: id,
            titleAr: opportunity.titleAr,
            titleEn: opportunity.titleEn,
            deliverables: opportunity.project.deliverables.map((d) => ({ ...d, ...(confirmed.has(d.id) && { confirmedAt: confirmed.get(d.id)! }) })),
          };
        }),
      );
      return new Map(found.flatMap((p) => (p ? [[p.opportunityId, p] as const] : [])));
    },
  };
};
