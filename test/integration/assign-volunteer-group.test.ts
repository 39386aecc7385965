import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { localUserDirectory } from '../../shared/identity/user-directory.js';
import { domainEvent } from '../../shared/domain/events.js';
import type { EventDetail } from '../../events/catalog.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import registeredExample from '../../events/volunteers/volunteer-registered.json' with { type: 'json' };
import { luhnCheckDigit } from '../../shared/domain/volunteers/national-id.js';

describe('AssignVolunteerGroup consumer', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(async () => platform?.stop());

  it('puts a newly registered volunteer in the volunteer group', async () => {
    const token = await platform.token({ sub: 'group-joiner', groups: [] });
    const response = await platform.request('POST', '/v1/volunteers', { token, body: { ...(JSON.parse(registerEvent.body) as Record<string, unknown>), nationalId: '204817263' + luhnCheckDigit('204817263') } });
    await platform.flushEvents();
    expect(response.status).toBe(201);
    expect(localUserDirectory.volunteers.has('group-joiner')).toBe(true);
  });

  // The registration request grants the group itself (functions/http/volunteers/register.ts), so
  // the case above passes without the consumer; here the consumer alone gets the event, as when
  // the request's grant failed. The directory is the local stand-in of Cognito (no local Cognito).
  it('puts the volunteer named by a VolunteerRegistered event in the group, and only that volunteer', async () => {
    const { handler } = await import('../../functions/consumers/assign-volunteer-group.js');
    const { toEnvelope } = await import('../../infra/local/jobs.js');
    const { eventId: _, ...example } = registeredExample.detail;
    const detail = { ...example, volunteerId: 'late-joiner' } as EventDetail<'VolunteerRegistered'>;
    expect(localUserDirectory.volunteers.has('late-joiner')).toBe(false);
    const before = new Set(localUserDirectory.volunteers);

    await handler(toEnvelope(domainEvent('VolunteerRegistered', detail, { id: ulid(), time: new Date() })));

    expect(localUserDirectory.volunteers.has('late-joiner')).toBe(true);
    expect([...localUserDirectory.volunteers].filter((sub) => !before.has(sub))).toEqual(['late-joiner']);
  });
});
