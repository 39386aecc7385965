/**
 * The catalogue of domain events: for each event type (the EventBridge `detail-type`), what it
 * means, the zod contract of its `detail`, and an example file under events/ (a whole
 * EventBridge event, as a consumer receives it). test/unit/event-catalog.test.ts checks every
 * example against its contract, so add the three together.
 *
 * Details carry ids and what consumers need to route or match, never national IDs and no
 * contact data: a consumer that must email someone reads the profile, where consent lives.
 */
import { z } from 'zod';
import { VolunteerRegisteredDetail } from '../shared/domain/volunteers/schema.js';
import { EVENT_SOURCE } from '../shared/messaging/events.js';

export interface EventContract {
  readonly description: string;
  /** Contract of `detail` (without the `eventId` the publisher adds). */
  readonly detail: z.ZodObject;
  /** Example EventBridge event, relative to the events/ folder. */
  readonly example: string;
}

export const eventCatalog = {
  VolunteerRegistered: {
    description:
      'A user created their volunteer profile (POST /v1/volunteers). Carries what matching and onboarding need: city and region, locale, skills, professions, languages, interests.',
    detail: VolunteerRegisteredDetail,
    example: 'volunteers/volunteer-registered.json',
  },
} as const satisfies Record<string, EventContract>;

export type EventType = keyof typeof eventCatalog;
export type EventDetail<T extends EventType> = z.output<(typeof eventCatalog)[T]['detail']>;

/** The EventBridge event a consumer of `type` receives (see shared/messaging/events.ts for what is sent). */
export const eventEnvelope = (type: EventType) =>
  z
    .object({
      version: z.literal('0'),
      id: z.string().min(1),
      'detail-type': z.literal(type),
      source: z.literal(EVENT_SOURCE),
      account: z.string(),
      time: z.iso.datetime({ offset: true }),
      region: z.string(),
      resources: z.array(z.string()),
      detail: (eventCatalog[type].detail as z.ZodObject).extend({ eventId: z.string().min(1) }),
    })
    .strict();
