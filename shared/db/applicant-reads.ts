/**
 * The applicants of a review-queue page (issue 11): the profile fields a manager decides on (one
 * BatchGetItem per 100 volunteers, projected: no national ID is ever read), the attendance record
 * (the hours area's monthly counters, shared/db/attendance-reads.ts) and training completions
 * (one Query per volunteer on their partition). Contact fields are read for the approved
 * applications of the page; the domain decides whether they are shown.
 */
import { BatchGetCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ApplicantReads } from '../domain/applications/ports.js';
import type { ApplicantRecord } from '../domain/applications/schema.js';
import { env } from '../env.js';
import { attendanceRecords } from './attendance-reads.js';
import { documentClient } from './client.js';
import { volunteerKeys } from './entities/volunteer.js';
import { trainingCompletions } from './training-completions.js';

const PROFILE_FIELDS = 'id, nameAr, nameEn, city, skills, professions, languages, email, phone';

export const applicantReads = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): ApplicantReads => ({
  async applicants(volunteerIds, now) {
    const ids = [...new Set(volunteerIds)];
    if (ids.length === 0) return new Map();
    const profiles: Record<string, unknown>[] = [];
    for (let i = 0; i < ids.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = ids.slice(i, i + 100).map((id) => volunteerKeys.item(id));
      while (keys && keys.length > 0) {
        const result: BatchGetCommandOutput = await client.send(
          new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ProjectionExpression: PROFILE_FIELDS } } }),
        );
        profiles.push(...(result.Responses?.[tableName()] ?? []));
        keys = result.UnprocessedKeys?.[tableName()]?.Keys;
      }
    }
    const training = trainingCompletions(client, tableName);
    const [attendance, completions] = await Promise.all([
      attendanceRecords(ids, now, client, tableName),
      Promise.all(ids.map((id) => training.completions(id))),
    ]);
    const trainingsOf = new Map(ids.map((id, i) => [id, completions[i]!]));
    const out = new Map<string, ApplicantRecord>();
    for (const item of profiles) {
      const id = String(item.id);
      out.set(id, {
        nameAr: String(item.nameAr ?? ''),
        nameEn: String(item.nameEn ?? ''),
        city: String(item.city ?? ''),
        skills: ((item.skills as { name: string; level: string }[] | undefined) ?? []).map((s) => ({ name: s.name, level: s.level })),
        professions: (item.professions as string[] | undefined) ?? [],
        languages: (item.languages as string[] | undefined) ?? [],
        ...(typeof item.email === 'string' && { email: item.email }),
        ...(typeof item.phone === 'string' && { phone: item.phone }),
        attendance: attendance.get(id) ?? { attended: 0, noShows: 0, lateCancellations: 0, since: '' },
        trainings: (trainingsOf.get(id) ?? []).map((c) => ({ trainingId: c.trainingId, completedAt: c.completedAt, ...(c.validUntil && { validUntil: c.validUntil }) })),
      });
    }
    return out;
  },
});
