/**
 * Impact aggregates (issue 16): every reversal, registration, department, certified manager gained or lost, no-show (and no-show
 * taken back by an upheld dispute) and reported
 * beneficiary count becomes counter updates per organisation, region, city and nation × month,
 * applied once per event in one transaction (shared/domain/impact/recorder.ts). Approvals come
 * in bursts and take the batch path: functions/consumers/impact-approvals.ts.
 */
import { impactRepository } from '../../shared/db/impact-repository.js';
import { organizationReads } from '../../shared/db/organization-reads.js';
import * as recorder from '../../shared/domain/impact/recorder.js';
import type { OrganizationDirectory } from '../../shared/domain/impact/ports.js';
import { cityById } from '../../shared/domain/reference/cities.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { impactAggregates } from './index.js';

/** An organisation's city by a projection read (organizationReads), not the organisation repository (issue 17). */
const directory = (): OrganizationDirectory => ({
  async location(orgId) {
    const org = await organizationReads().get(orgId);
    const city = org ? cityById(org.city) : undefined;
    return city ? { city: city.id, region: city.region } : undefined;
  },
});

export const handler = consumer(impactAggregates).handler(async (event): Promise<{ outcome: recorder.RecordOutcome }> => {
  const store = impactRepository();
  switch (event.type) {
    case 'HoursReversed':
      return { outcome: await recorder.recordReversal(store, event.eventId, event.detail) };
    case 'VolunteerRegistered':
      return { outcome: await recorder.recordRegistration(store, event.eventId, event.detail) };
    case 'OrganizationApproved':
      return { outcome: await recorder.recordDepartment(store, directory(), event.eventId, event.detail) };
    case 'VolunteerNoShow':
      return { outcome: await recorder.recordNoShow(store, event.eventId, event.detail) };
    case 'NoShowDisputeDecided':
      return { outcome: await recorder.recordNoShowDispute(store, event.eventId, event.detail) };
    case 'OrganizationCertifiedManagerChanged':
      return { outcome: await recorder.recordCertifiedManager(store, directory(), event.eventId, event.detail) };
    case 'OpportunityClosed':
      return { outcome: await recorder.recordBeneficiaries(store, event.eventId, event.detail) };
  }
});
