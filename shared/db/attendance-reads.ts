/**
 * The evaluations' attendance port (shared/domain/evaluations/ports.ts), read from the hours
 * area's attendance records (issue 19).
 *
 * PROVISIONAL: the attendance entity has not landed on main yet, so this adapter knows no
 * attendance and answers "did not attend" — evaluations are refused (403 not-attended) until it
 * is implemented against shared/db/entities/attendance.ts. The domain is tested with a fake.
 */
import type { AttendancePort } from '../domain/evaluations/ports.js';

export const attendanceReads = (): AttendancePort => ({
  attended: async () => false,
  attendees: async () => [],
});
