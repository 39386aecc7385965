/**
 * The key of the rotating attendance codes. Locally and in tests it comes from
 * ATTENDANCE_CODE_KEY (the local platform generates one and keeps it with the local data); in
 * the cloud from the Secrets Manager secret named by ATTENDANCE_CODE_KEY_SECRET_ARN (routes
 * declare `needs: ['attendance-code-key']`, which grants read access to that one secret).
 * Rotating the secret only invalidates the codes on screens at that moment (they live 10 minutes).
 */
import { secretString } from './secret-string.js';

const CACHE_SECONDS = 5 * 60;
const MIN_KEY_LENGTH = 16;

export class AttendanceKeyUnavailableError extends Error {
  override readonly name: string = 'AttendanceKeyUnavailableError';
}

export const attendanceCodeKey = async (): Promise<string> => {
  const local = process.env.ATTENDANCE_CODE_KEY;
  if (local) return local;
  const arn = process.env.ATTENDANCE_CODE_KEY_SECRET_ARN;
  if (!arn) throw new AttendanceKeyUnavailableError('set ATTENDANCE_CODE_KEY (local) or ATTENDANCE_CODE_KEY_SECRET_ARN (cloud)');
  const secret = await secretString(arn, CACHE_SECONDS);
  if (typeof secret !== 'string' || secret.length < MIN_KEY_LENGTH) throw new AttendanceKeyUnavailableError(`the secret ${arn} holds no usable key`);
  return secret;
};
