import { describe, expect, it } from 'vitest';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { RegisterVolunteer, UpdateVolunteer } from '../../shared/domain/volunteers/schema.js';

const valid = (): Record<string, unknown> => JSON.parse(registerEvent.body) as Record<string, unknown>;

/** The paths zod reports, joined like the HTTP layer joins them. */
const paths = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }, input: unknown) =>
  schema.safeParse(input).error?.issues.map((issue) => issue.path.map(String).join('.')) ?? [];

describe('RegisterVolunteer', () => {
  it('accepts the sample registration', () => {
    expect(RegisterVolunteer.safeParse(valid()).success).toBe(true);
  });

  it('normalises the phone number to E.164', () => {
    expect(RegisterVolunteer.parse({ ...valid(), phone: ' +966501234567 ' }).phone).toBe('+966501234567');
  });

  it.each(['0501234567', '+96650123456', '+9665012345678901', 'phone'])('rejects the phone %j', (phone) => {
    expect(paths(RegisterVolunteer, { ...valid(), phone })).toContain('phone');
  });

  it('rejects an email that is not one', () => {
    expect(paths(RegisterVolunteer, { ...valid(), email: 'huda@' })).toEqual(['email']);
  });

  it('rejects a bad national ID checksum', () => {
    expect(paths(RegisterVolunteer, { ...valid(), nationalId: '1098765430' })).toEqual(['nationalId']);
  });

  it('rejects an unknown city', () => {
    expect(paths(RegisterVolunteer, { ...valid(), city: 'atlantis' })).toEqual(['city']);
  });

  it('rejects a location outside Saudi Arabia', () => {
    expect(paths(RegisterVolunteer, { ...valid(), location: { lat: 48.85, lon: 2.35 } })).toEqual(['location.lat', 'location.lon']);
  });

  it('rejects an unknown field', () => {
    const result = RegisterVolunteer.safeParse({ ...valid(), isAdmin: true });
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['isAdmin'] });
  });

  it('rejects names longer than 100 characters', () => {
    expect(paths(RegisterVolunteer, { ...valid(), nameEn: 'x'.repeat(101) })).toEqual(['nameEn']);
  });

  it('rejects control characters in names', () => {
    expect(paths(RegisterVolunteer, { ...valid(), nameAr: 'هدى\u0000' })).toEqual(['nameAr']);
  });

  it('rejects an impossible birth date', () => {
    expect(paths(RegisterVolunteer, { ...valid(), birthDate: '2001-02-29' })).toEqual(['birthDate']);
  });

  it('rejects the same skill twice, after normalising its name', () => {
    const skills = [
      { name: 'first-aid', level: 'advanced' },
      { name: 'First-Aid', level: 'beginner' },
    ];
    expect(paths(RegisterVolunteer, { ...valid(), skills })).toEqual(['skills.1']);
  });

  it('rejects more than 30 skills', () => {
    const skills = Array.from({ length: 31 }, (_, i) => ({ name: `skill-${i}`, level: 'beginner' }));
    expect(paths(RegisterVolunteer, { ...valid(), skills })).toEqual(['skills']);
  });

  it('rejects a duplicate interest', () => {
    expect(paths(RegisterVolunteer, { ...valid(), interests: ['health', 'health'] })).toEqual(['interests.1']);
  });

  it('rejects an availability slot that ends before it starts', () => {
    expect(paths(RegisterVolunteer, { ...valid(), availability: [{ day: 'sun', from: '18:00', to: '09:00' }] })).toEqual([
      'availability.0.to',
    ]);
  });

  it('rejects overlapping availability slots on the same day', () => {
    const availability = [
      { day: 'sun', from: '08:00', to: '12:00' },
      { day: 'mon', from: '10:00', to: '14:00' },
      { day: 'sun', from: '11:00', to: '14:00' },
    ];
    expect(paths(RegisterVolunteer, { ...valid(), availability })).toEqual(['availability.2']);
  });

  it.each(['8:00', '24:00', '12:60', '12h30'])('rejects the time %j', (from) => {
    expect(paths(RegisterVolunteer, { ...valid(), availability: [{ day: 'sun', from, to: '23:00' }] })).toEqual(['availability.0.from']);
  });

  it('defaults the locale to Arabic', () => {
    expect(RegisterVolunteer.parse({ ...valid(), preferences: { email: true, sms: false } }).preferences.locale).toBe('ar');
  });

  it('accepts quiet hours that wrap midnight', () => {
    const preferences = { email: true, sms: true, quietHours: { from: '22:00', to: '07:00' } };
    expect(RegisterVolunteer.safeParse({ ...valid(), preferences }).success).toBe(true);
  });

  it.each(['nameAr', 'nationalId', 'birthDate', 'phone', 'preferences', 'skills'])('requires %s', (field) => {
    const input = valid();
    delete input[field];
    expect(paths(RegisterVolunteer, input)).toEqual([field]);
  });
});

describe('UpdateVolunteer', () => {
  it('accepts a single field', () => {
    expect(UpdateVolunteer.parse({ city: 'riyadh' })).toEqual({ city: 'riyadh' });
  });

  it('does not fill in fields that were not sent', () => {
    expect(Object.keys(UpdateVolunteer.parse({ nameEn: 'Huda A.' }))).toEqual(['nameEn']);
  });

  it('refuses an empty patch', () => {
    expect(UpdateVolunteer.safeParse({}).success).toBe(false);
  });

  it('refuses the national ID as an unknown field', () => {
    const result = UpdateVolunteer.safeParse({ nationalId: '1234567897' });
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['nationalId'] });
  });

  it('validates the fields it is given like registration does', () => {
    expect(paths(UpdateVolunteer, { phone: '12345' })).toContain('phone');
  });
});
