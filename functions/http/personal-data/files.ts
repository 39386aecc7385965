/** The ports of a prepared export's download: the job (its one-time token) and the stored file's short-lived link. */
import { systemClock } from '../../../shared/clock.js';
import { exportRepository } from '../../../shared/db/export-repository.js';
import type { ExportJobPorts } from '../../../shared/domain/personal-data/export-jobs.js';
import { exportFiles } from '../../../shared/storage/export-files.js';

export const exportDownloadPorts = (): Pick<ExportJobPorts, 'clock' | 'jobs' | 'files'> => ({ clock: systemClock, jobs: exportRepository(), files: exportFiles() });
