/**
 * Issue 11: the review queue shows who applied — display name, city, skills, professions,
 * languages, attendance record, training completions — and never contact data or the national
 * ID before the application is approved.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { applicationRepository } from '../../shared/db/application-repository.js';
import { documentClient } from '../../shared/db/client.js';
import { attendanceStats } from '../../shared/db/entities/hours-ledger.js';
import { trainingCompletion } from '../../shared/db/entities/training-completion.js';
import type { ApplicationRecord, ApplicationStatus } from '../../shared/domain/applications/schema.js';
import { riyadhMonth } from '../../shared/domain/time.js';
import { luhnCheckDigit } from '../../shared/domain/volunteers/national-id.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';
import { hoursFromNow, seedOrganization as seed } from '../helpers/builders.js';

let platform: TestPlatform;
let serial = 0;

const nationalId = (): string => {
  serial += 1;
  const payload = `1${String(Date.now() % 1e5).padStart(5, '0')}${String(serial).padStart(3, '0')}`;
  return payload + luhnCheckDigit(payload);
};

const seedOrganization = () => seed({ city: 'riyadh', causes: ['health'] });

/** A volunteer registered through the API (the sample profile), with one training and a record of attendance. */
const registeredVolunteer = async () => {
  const sub = `vol-${ulid()}`;
  const profile: Record<string, unknown> = { ...(JSON.parse(registerEvent.body) as Record<string, unknown>), nationalId: nationalId() };
  const response = await platform.request('POST', '/v1/volunteers', { token: await platform.token({ sub, groups: [] }), body: profile });
  expect(response.status).toBe(201);
  const put = (Item: Record<string, unknown>) => documentClient().send(new PutCommand({ TableName: platform.tableName, Item }));
  const completedAt = new Date(Date.now() - 86_400_000).toISOString();
  const validUntil = new Date(Date.now() + 300 * 86_400_000).toISOString();
  await put(
    trainingCompletion.toItem(
      { volunteerId: sub, trainingId: 'first-aid-basics', version: 1, completedAt, validUntil, method: 'quiz', score: 90 },
      trainingCompletion.keys.completion(sub, 'first-aid-basics'),
    ),
  );
  const month = riyadhMonth(new Date());
  await put(attendanceStats.toItem({ month, attended: 4, noShows: 1, lateCancellations: 0 }, attendanceStats.keys.item(sub, month)));
  return { sub, profile };
};

const seedApplication = async (orgId: string, volunteerId: string, status: ApplicationStatus): Promise<string> => {
  const at = new Date().toISOString();
  const application: ApplicationRecord = {
    id: ulid(),
    volunteerId,
    opportunityId: ulid(),
    orgId,
    shiftId: ulid(),
    shiftStart: hoursFromNow(48),
    shiftEnd: hoursFromNow(52),
    requiresApproval: true,
    status,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await applicationRepository().create(application, { version: 1, status, at, by: volunteerId });
  return application.id;
};

const queue = async (orgId: string, status: ApplicationStatus) =>
  platform.request('GET', `/v1/organizations/${orgId}/applications?status=${status}`, {
    token: await platform.token({ sub: `manager-${orgId}`, groups: ['org-manager'], orgId }),
  });

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

describe('GET /v1/organizations/{orgId}/applications: who applied', () => {
  it('shows display name, city, skills, professions, languages, attendance and trainings, without contact data or national ID', async () => {
    const orgId = await seedOrganization();
    const { sub, profile } = await registeredVolunteer();
    await seedApplication(orgId, sub, 'pending');

    const response = await queue(orgId, 'pending');
    expect(response.status).toBe(200);
    const [item] = response.body.items;
    const nameEn = String(profile.nameEn);
    expect(item.applicant).toMatchObject({
      displayName: `${nameEn.split(' ')[0]} ${nameEn.split(' ')[1]!.charAt(0)}.`,
      city: profile.city,
      skills: profile.skills,
      professions: profile.professions,
      languages: profile.languages,
      attendance: { attended: 4, noShows: 1, lateCancellations: 0 },
      trainings: [{ trainingId: 'first-aid-basics', valid: true }],
    });
    expect(item.applicant.contact).toBeUndefined();
    const text = JSON.stringify(response.body);
    for (const secret of [profile.email, profile.phone, profile.nationalId, String(profile.nationalId).slice(-4).padStart(10, '*'), nameEn]) {
      expect(text).not.toContain(String(secret));
    }
  });

  it('shows the contact data once the application is approved', async () => {
    const orgId = await seedOrganization();
    const { sub, profile } = await registeredVolunteer();
    await seedApplication(orgId, sub, 'approved');
    const [item] = (await queue(orgId, 'approved')).body.items;
    expect(item.applicant.contact).toEqual({ email: profile.email, phone: profile.phone });
    expect(JSON.stringify(item)).not.toContain(String(profile.nationalId));
  });
});
