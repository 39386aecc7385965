/**
 * VolunteerRegistered / VolunteerProfileUpdated → the volunteer's matching index items (shard
 * member, one posting per profession, skill and cause in their cell; stale postings deleted)
 * and a change marker for the next `matching` job. The profile is read, not the event: it is
 * the current state whatever order redelivered events arrive in, so the consumer is idempotent.
 */
import * as z from 'zod';
import type { DomainEventEnvelope } from './definition.js';
import { matchingPorts } from '../../shared/db/matching-repository.js';
import { volunteerRepository } from '../../shared/db/volunteer-repository.js';
import { toMatchVolunteer, volunteerCard } from '../../shared/domain/matching/adapters.js';
import { indexVolunteer } from '../../shared/domain/matching/service.js';

const Detail = z.object({ volunteerId: z.string().min(1) });

export const handler = async (event: DomainEventEnvelope): Promise<{ indexed: boolean }> => {
  const { volunteerId } = Detail.parse(event.detail);
  const record = await volunteerRepository().get(volunteerId);
  if (!record) return { indexed: false };
  await indexVolunteer(matchingPorts(), toMatchVolunteer(record), volunteerCard(record));
  return { indexed: true };
};
