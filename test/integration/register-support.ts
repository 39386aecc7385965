/** Hand-built HoursApproved / HoursReversed envelopes, as EventBridge delivers them to the register's consumer. */
import { ulid } from 'ulid';
import type { ConsumerEnvelope } from '../../shared/middleware/consumer.js';

export interface HoursFacts {
  volunteerId: string;
  orgId?: string;
  date?: string;
  minutes: number;
  valueSar?: number;
  track?: 'general' | 'skills' | 'professional';
  causes?: string[];
  hoursId?: string;
}

const envelope = (type: string, detail: Record<string, unknown>, eventId: string): ConsumerEnvelope => ({
  version: '0',
  id: ulid(),
  'detail-type': type,
  source: 'tatawwu',
  account: '000000000000',
  time: new Date().toISOString(),
  region: 'me-central-1',
  resources: [],
  detail: { ...detail, eventId },
});

export const hoursApproved = (facts: HoursFacts, eventId = ulid()) => {
  const hoursId = facts.hoursId ?? ulid();
  return {
    hoursId,
    eventId,
    envelope: envelope(
      'HoursApproved',
      {
        hoursId,
        volunteerId: facts.volunteerId,
        orgId: facts.orgId ?? 'org-a',
        opportunityId: 'opp-1',
        kind: 'shift',
        date: facts.date ?? '2026-05-02',
        minutes: facts.minutes,
        track: facts.track ?? 'general',
        causes: facts.causes ?? ['health'],
        city: 'riyadh',
        region: 'riyadh',
        valueSar: facts.valueSar ?? 0,
        approvedBy: 'manager-1',
        approvedAt: new Date().toISOString(),
      },
      eventId,
    ),
  };
};

export const hoursReversed = (facts: HoursFacts & { hoursId: string }, eventId = ulid()) => ({
  eventId,
  envelope: envelope(
    'HoursReversed',
    {
      hoursId: facts.hoursId,
      reversalId: ulid(),
      volunteerId: facts.volunteerId,
      orgId: facts.orgId ?? 'org-a',
      opportunityId: 'opp-1',
      minutes: facts.minutes,
      valueSar: facts.valueSar ?? 0,
      track: facts.track ?? 'general',
      causes: facts.causes ?? ['health'],
      city: 'riyadh',
      region: 'riyadh',
      date: facts.date ?? '2026-05-02',
      reason: 'recorded twice',
      reversedBy: 'admin-1',
      reversedAt: new Date().toISOString(),
    },
    eventId,
  ),
});
