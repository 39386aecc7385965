import { describe, expect, it } from 'vitest';
import { auditEntry, auditEntryItem } from '../../shared/db/entities/audit-entry.js';
import type { AuditEntry } from '../../shared/domain/personal-data/audit.js';
import { expiresAt } from '../../shared/domain/personal-data/retention.js';

describe('audit entries appended without the entry schema (issue 17)', () => {
  it("writes an entry as the entity does, with its three keys and the trail's TTL", () => {
    const entry: AuditEntry = {
      id: '01JB0000000000000000000001',
      at: '2026-03-01T09:00:00.000Z',
      actor: 'reviewer-1',
      actorGroups: ['ministry-reviewer'],
      subject: 'vol-1',
      what: 'hours',
      route: 'ListEscalatedHours GET /v1/hours/escalated',
    };

    expect(auditEntryItem(entry)).toEqual(
      auditEntry.toItem(
        entry,
        { ...auditEntry.keys.item(entry.subject, entry.at, entry.id), ...auditEntry.keys.byActor(entry.actor, entry.at, entry.id), ...auditEntry.keys.byDay(entry.at, entry.id) },
        { expiresAt: expiresAt('auditTrail', entry.at) },
      ),
    );
  });
});
