/**
 * Projects as the register names them (issue 19): the opportunity's titles and deliverables,
 * each with the date a manager confirmed it. One opportunity Query (its partition holds the
 * opportunity, its period and the deliverable confirmations) per distinct opportunity.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ProjectNames, ProjectSummary } from '../domain/register/ports.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { hoursRepository } from './hours-repository.js';

export const projectNames = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): ProjectNames => {
  const hours = hoursRepository(client, tableName);
  return {
    async projects(opportunityIds) {
      const found = await Promise.all(
        [...new Set(opportunityIds)].map(async (id): Promise<ProjectSummary | undefined> => {
          const opportunity = (await hours.opportunity(id))?.opportunity;
          if (opportunity?.kind !== 'project' || !opportunity.project) return undefined;
          const confirmed = new Map((await hours.deliverables(id)).map((d) => [d.deliverableId, d.confirmedAt]));
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
