/**
 * A volunteer's attendance counters (attended, no-shows, late cancellations) for the 12 months
 * from `since`: the hours repository's read, on its own so that the attendance record beside an
 * applicant or a candidate does not carry the whole hours repository (issue 17).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AttendanceSummary } from '../domain/hours/schema.js';
import { addMonths } from '../domain/time.js';
import { queryAll } from './client.js';
import { attendanceStats } from './entities/hours-ledger.js';

export const attendanceSummaryReader =
  (client: DynamoDBDocumentClient, tableName: () => string) =>
  async (volunteerId: string, since: string): Promise<AttendanceSummary> => {
    const items = await queryAll(
      {
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': attendanceStats.keys.item(volunteerId, since).PK,
          ':from': attendanceStats.keys.sort(since),
          ':to': attendanceStats.keys.sort(addMonths(since, 12)),
        },
      },
      client,
    );
    const sum = { attended: 0, noShows: 0, lateCancellations: 0 };
    for (const item of items.map((i) => attendanceStats.fromItem(i))) {
      sum.attended += item.attended;
      sum.noShows += item.noShows;
      sum.lateCancellations += item.lateCancellations;
    }
    return { ...sum, since };
  };
