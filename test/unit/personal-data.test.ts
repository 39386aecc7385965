/** The personal-data copy: what it leaves out (others' identities, internal handles) and its ZIP of CSV files. */
import { describe, expect, it } from 'vitest';
import type { HeldData } from '../../shared/domain/personal-data/ports.js';
import { heldCount, rowsCsv, toExport } from '../../shared/domain/personal-data/service.js';
import { NothingHeldError } from '../../shared/domain/personal-data/errors.js';
import { unzip, zip } from '../../shared/formats/zip.js';

const NOW = new Date('2026-06-01T09:00:00.000Z');

const held = (over: Partial<HeldData> = {}): HeldData => ({
  profile: { id: 'vol-1', nameEn: 'Huda', nationalIdHash: 'secret-hash', revision: 3, nationalIdMasked: '******5439' },
  consentHistory: [{ channel: 'sms', granted: false, at: '2026-05-01T00:00:00.000Z', via: 'profile-update' }],
  charterAcceptances: [],
  applications: [{ id: 'app-1', status: 'approved', taskToken: 'tok', decision: { by: 'manager-7', at: '2026-05-01T00:00:00.000Z' } }],
  hours: [],
  register: [],
  certificates: [],
  badges: [],
  points: [],
  trainings: [{ trainingId: 't-1', confirmedBy: 'manager-7' }],
  evaluationsGiven: [],
  evaluationsReceived: [{ shiftId: 's-1', punctuality: 5, by: 'manager-7' }],
  messages: [],
  companies: [{ kind: 'JoinCode', companyId: 'c-1', email: 'huda@corp.example.sa', codeHash: 'code-hash' }],
  other: { Booking: [{ shiftId: 's-2' }] },
  ...over,
});

describe('toExport', () => {
  it('removes who decided, rated or confirmed, at any depth, and internal handles', () => {
    const copy = toExport('vol-1', held(), NOW);

    expect(JSON.stringify(copy)).not.toContain('manager-7');
    expect(JSON.stringify(copy)).not.toContain('tok');
    expect(copy.companies[0]).toEqual({ kind: 'JoinCode', companyId: 'c-1', email: 'huda@corp.example.sa' });
    expect(copy.applications[0]).toEqual({ id: 'app-1', status: 'approved', decision: { at: '2026-05-01T00:00:00.000Z' } });
  });

  it('shows the national ID masked only, without its keyed hash or the revision', () => {
    const copy = toExport('vol-1', held(), NOW);

    expect(copy.profile).toEqual({ id: 'vol-1', nameEn: 'Huda', nationalIdMasked: '******5439' });
  });

  it('refuses when no profile is held', () => {
    expect(() => toExport('vol-1', held({ profile: undefined }), NOW)).toThrow(NothingHeldError);
  });

  it('counts every record held, the profile as one', () => {
    expect(heldCount(held())).toBe(7);
  });
});

describe('rowsCsv', () => {
  it('puts the union of the fields in columns, nested values as JSON, with a BOM', () => {
    expect(rowsCsv([{ a: 1 }, { b: { c: 'ج' } }])).toBe('\uFEFFa,b\r\n1,\r\n,"{""c"":""ج""}"\r\n');
  });
});

describe('zip', () => {
  it('round-trips UTF-8 names and contents', () => {
    const archive = zip([{ name: 'ملف.csv', content: '\uFEFFاسم\r\n' }, { name: 'other/Booking.csv', content: 'x' }], NOW);

    const files = unzip(archive);
    expect([...files.keys()]).toEqual(['ملف.csv', 'other/Booking.csv']);
    expect(files.get('ملف.csv')!.toString('utf8')).toBe('\uFEFFاسم\r\n');
  });
});
