/**
 * What the generated sample events (infra/sample-events.ts) are built from: the registries the
 * CDK app reads (routes, consumers, schedules, workflows), the catalogue's example events, and
 * the execution input of each workflow, taken from the operation examples of the route that
 * starts it where there is one.
 */
import { readFileSync } from 'node:fs';
import { eventCatalog, type EventType } from '../events/catalog.js';
import { consumers } from '../functions/consumers/index.js';
import { operations } from '../functions/http/routes.js';
import { schedules } from '../functions/schedules/index.js';
import { workflows } from '../functions/workflows/index.js';
import { matchingRun } from '../functions/workflows/matching-run/definition.js';
import { sampleFiles, type SampleFiles, type SampleSources, type WorkflowSampleInputs } from './sample-events.js';

export const eventsFolder = new URL('../events/', import.meta.url);

const eventExample = (type: EventType): unknown => JSON.parse(readFileSync(new URL(eventCatalog[type].example, eventsFolder), 'utf8'));

/** A string from an operation's examples, e.g. `example('RegisterOrganization', 'response', 'id')`. */
const example = (operationId: string, part: 'path' | 'response', field: string): string => {
  const spec = operations.find((operation) => operation.id === operationId);
  const value = (spec?.examples?.[part] as Record<string, unknown> | undefined)?.[field];
  if (typeof value !== 'string') throw new Error(`the ${part} example of ${operationId} has no ${field}`);
  return value;
};

const workflowInputs: Record<string, WorkflowSampleInputs> = {
  OrganizationOnboarding: { base: { orgId: example('RegisterOrganization', 'response', 'id') } },
  CompanyOnboarding: { base: { companyId: example('RegisterCompany', 'response', 'id') } },
  ApplicationReview: {
    base: { applicationId: example('SubmitApplication', 'response', 'id') },
    tasks: {
      RejectIneligible: {
        eligible: false,
        failures: [{ rule: 'professions', message: 'this opportunity needs one of the professions: social-worker' }],
      },
    },
  },
  HoursVerification: { base: { hoursId: example('ClaimHours', 'response', 'hoursId'), round: 1 } },
  HonourNomination: { base: { honourId: example('DecideHonour', 'path', 'id') } },
  Erasure: { base: { sub: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77' } },
  MatchingRun: {
    base: { BatchInput: { runId: '01JT7Q4S6V8W0Y2A4C6E8G0J2K', now: '2026-04-30T23:00:00.000Z' }, Items: [{ shard: 0 }, { shard: 1 }, { shard: 2 }, { shard: 3 }] },
  },
};

export const sampleSources: SampleSources = {
  operations,
  consumers,
  schedules,
  // MatchingRun is deployed by its own construct (Distributed Map), not from the workflow registry.
  workflows: [...workflows, matchingRun],
  workflowInputs,
  eventExample,
};

export const generatedSamples = (): SampleFiles => sampleFiles(sampleSources);
