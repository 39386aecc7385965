/**
 * VolunteerRegistered / VolunteerProfileUpdated → the volunteer's matching index items (shard
 * member, one posting per profession, skill and cause in their cell; stale postings deleted)
 * and a change marker for the next `matching` job. The profile is read, not the event: it is
 * the current state whatever order redelivered events arrive in, so the consumer is idempotent.
 */
import { matchingStorePorts } from '../workflows/matching-run/ports.js';
import { volunteerRepository } from '../../shared/db/volunteer-repository.js';
import { syncVolunteer } from '../../shared/domain/matching/service.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { matchingIndexVolunteers } from './index.js';

export const handler = consumer(matchingIndexVolunteers).handler(async ({ detail }) => ({
  indexed: await syncVolunteer(matchingStorePorts(), await volunteerRepository().get(detail.volunteerId)),
}));
