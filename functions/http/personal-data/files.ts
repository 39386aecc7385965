/** The ports of a prepared export's download: the job (its one-time token) and the stored file's short-lived link. */
import { systemClock } from '../../../shared/clock.js';
import { exportRepository } from '../../../shared/db/export-repository.js';
import type { ExportFileStore, ExportJobPorts } from '../../../shared/domain/personal-data/export-jobs.js';
import { exportLinks } from '../../../shared/storage/export-files.js';

/** The link only: the download's bundle carries no S3 client (issue 17). */
export const exportDownloadPorts = (): Pick<ExportJobPorts, 'clock' | 'jobs'> & { files: Pick<ExportFileStore, 'link'> } => ({
  clock: systemClock,
  jobs: exportRepository(),
  files: exportLinks(),
});
