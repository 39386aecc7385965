/**
 * Every operation documents an example request body and success response body (issue 11), and
 * every example is what its spec accepts: a request example parses with the body schema, a
 * response example with the success response schema, path and query examples with theirs.
 * Operations still without examples are listed by id below so they are reported and the list
 * only shrinks (an operation listed here that has its examples fails the test).
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AnyOperation } from '../../functions/http/operation.js';
import { operations } from '../../functions/http/routes.js';

/** Operations of areas whose owners have not added examples yet. */
const WITHOUT_EXAMPLES = new Set<string>([
  'GetTranscript',
  'IssueCertificate',
  'ListMyCertificates',
  'VerifyCertificate',
  'RevokeCertificate',
  'GetCredentialKeys',
  'CreateNationalTraining',
  'UpdateTraining',
  'PublishTraining',
  'GetTraining',
  'ConfirmTraining',
  'ListMyTrainings',
  'ListMyBadges',
  'GetMyPoints',
  'ListAchievements',
  'NominateVolunteer',
  'ListAwards',
  'ListRewards',
  'CreateReward',
  'RedeemReward',
  'GetAttendanceCode',
  'CheckIn',
  'CheckOut',
  'RecordAttendance',
  'ClaimHours',
  'ListOrganizationHours',
  'DecideHours',
  'DecideHoursBulk',
  'DisputeHours',
  'ReverseHours',
  'ListMyHours',
  'ListEscalatedHours',
  'PutValuationRates',
  'GetValuationRates',
  'SubmitEvaluation',
  'EditEvaluation',
  'GetShiftFeedback',
  'GetOrganizationRating',
  'GetMyRatings',
  'GetVolunteerRatings',
]);

const jsonResponse = (spec: AnyOperation): z.ZodType | undefined =>
  Object.values(spec.responses).find((response): response is z.ZodType => typeof (response as z.ZodType).safeParse === 'function');

const issues = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

const needsExamples = (spec: AnyOperation): boolean => Boolean(spec.request?.body || jsonResponse(spec));
const hasExamples = (spec: AnyOperation): boolean =>
  (!spec.request?.body || spec.examples?.request !== undefined) && (!jsonResponse(spec) || spec.examples?.response !== undefined);

describe('operation examples', () => {
  it('exist for every operation with a JSON body or response, except the listed ones', () => {
    const missing = operations.filter((spec) => needsExamples(spec) && !hasExamples(spec)).map((spec) => spec.id);
    if (missing.length > 0) console.warn(`operations without examples: ${missing.join(', ')}`);
    expect(missing.filter((id) => !WITHOUT_EXAMPLES.has(id)), 'operations without examples').toEqual([]);
    expect([...WITHOUT_EXAMPLES].filter((id) => !missing.includes(id)), 'operations that have examples now: unlist them').toEqual([]);
  });

  it.each(operations.filter((spec) => spec.examples).map((spec) => [spec.id, spec] as const))('%s: its examples are valid for its schemas', (_id, spec) => {
    const examples = spec.examples!;
    const found: string[] = [];
    if (examples.request !== undefined) found.push(...issues(spec.request!.body!, examples.request).map((i) => `request ${i}`));
    if (examples.response !== undefined && jsonResponse(spec)) found.push(...issues(jsonResponse(spec)!, examples.response).map((i) => `response ${i}`));
    if (examples.path) found.push(...issues(spec.request!.path!, examples.path).map((i) => `path ${i}`));
    if (examples.query) found.push(...issues(spec.request!.query!, examples.query).map((i) => `query ${i}`));
    expect(found).toEqual([]);
  });
});
