/**
 * iCalendar (RFC 5545) for shift invites and the volunteer's calendar feed. The UID of a shift
 * is stable, so a calendar that receives the event again (feed refresh, a new invite, a
 * cancellation) replaces its entry instead of adding one; SEQUENCE orders the versions.
 */
import type { CalendarEvent } from '../domain/notifications/schema.js';
import { PLATFORM_TIME_ZONE } from '../domain/time.js';

const CRLF = '\r\n';

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
export const escapeIcsText = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

const utc = (iso: string): string => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 sequence. */
export const foldLine = (line: string): string => {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
};

/** The shift's UID: the same for every message and every feed refresh. */
export const shiftUid = (shiftId: string): string => `shift-${shiftId}@tatawwu.sa`;

const vevent = (event: CalendarEvent, stamp: string): string[] => [
  'BEGIN:VEVENT',
  `UID:${event.uid}`,
  `DTSTAMP:${utc(stamp)}`,
  `DTSTART:${utc(event.start)}`,
  `DTEND:${utc(event.end)}`,
  `SEQUENCE:${event.sequence}`,
  `STATUS:${event.status}`,
  `SUMMARY:${escapeIcsText(event.summary)}`,
  ...(event.location ? [`LOCATION:${escapeIcsText(event.location)}`] : []),
  ...(event.description ? [`DESCRIPTION:${escapeIcsText(event.description)}`] : []),
  'END:VEVENT',
];

/** The iTIP method: CANCEL for an invite (no feed name) whose every event is cancelled, else PUBLISH. */
export const methodOf = (events: readonly CalendarEvent[], options: { name?: string }): 'CANCEL' | 'PUBLISH' =>
  !options.name && events.length > 0 && events.every((event) => event.status === 'CANCELLED') ? 'CANCEL' : 'PUBLISH';

/** A calendar with the given events. `stamp` is DTSTAMP (when this version was produced). */
export const buildCalendar = (events: readonly CalendarEvent[], options: { stamp: string; name?: string }): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tatawwu//Notifications//EN',
    'CALSCALE:GREGORIAN',
    // An invite that only cancels (every event CANCELLED) is an iTIP CANCEL (RFC 5546 §3.2.5): a
    // calendar removes the entry of that UID. A feed or an invite keeps PUBLISH.
    `METHOD:${methodOf(events, options)}`,
    ...(options.name ? [`X-WR-CALNAME:${escapeIcsText(options.name)}`, `X-WR-TIMEZONE:${PLATFORM_TIME_ZONE}`] : []),
    ...events.flatMap((event) => vevent(event, options.stamp)),
    'END:VCALENDAR',
  ]
    .map(foldLine)
    .join(CRLF) + CRLF;
