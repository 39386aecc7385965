/**
 * The evaluations' attendance port (shared/domain/evaluations/ports.ts), read from the hours
 * area's attendance records (shared/db/entities/attendance.ts, issue 19): a volunteer attended
 * a shift when their record there says checked in or checked out (a manager's `present` on the
 * roster is recorded the same way); `absent` and `no-show` did not attend.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AttendancePort } from '../domain/evaluations/ports.js';
import type { AttendanceSummary } from '../domain/hours/schema.js';
import { attendanceRecordsOf } from '../domain/hours/service.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { attendance } from './entities/attendance.js';
import { attendanceSummaryReader } from './attendance-summary.js';

const PRESENT: readonly string[] = ['checked-in', 'checked-out'];

export const attendanceReads = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): AttendancePort => ({
  async attended(volunteerId, shiftId) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: attendance.keys.item(shiftId, volunteerId), ConsistentRead: true }));
    return Item !== undefined && PRESENT.includes(attendance.fromItem(Item).status);
  },
  async attendees(shiftId) {
    const items = await queryAll(
      { TableName: tableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': attendance.keys.item(shiftId, '').PK }, ConsistentRead: true },
      client,
    );
    return items.map((item) => attendance.fromItem(item)).filter((record) => PRESENT.includes(record.status)).map((record) => record.volunteerId);
  },
});

/**
 * The attendance record (last 12 months: attended, no-shows, late cancellations) of each
 * volunteer, keyed by volunteer id: what managers see beside a volunteer in the applications
 * review queue, the hours queue and candidates (issue 19). One Query per distinct volunteer.
 */
export const attendanceRecords = (
  volunteerIds: readonly string[],
  now: Date = new Date(),
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): Promise<Map<string, AttendanceSummary>> => attendanceRecordsOf({ attendanceSummary: attendanceSummaryReader(client, tableName) }, volunteerIds, now);
