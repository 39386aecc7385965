/**
 * The ports of the personal-data export: the reader of everything held about a person, the clock
 * and the prepared-export jobs (the route records one; the download's ports are in files.ts, its
 * consumer's in ports.ts).
 */
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { exportRepository } from '../../../shared/db/export-repository.js';
import { personalDataRepository } from '../../../shared/db/personal-data-repository.js';
import type { ExportJobPorts } from '../../../shared/domain/personal-data/export-jobs.js';
import type { PersonalDataPorts } from '../../../shared/domain/personal-data/ports.js';

export const personalDataPorts = (): PersonalDataPorts => ({ reader: personalDataRepository(), clock: systemClock });

/** The export route: the copy now, or a prepared export's job and event. */
export const exportRequestPorts = (): Pick<ExportJobPorts, 'reader' | 'clock' | 'jobs' | 'ids'> => ({ ...personalDataPorts(), jobs: exportRepository(), ids: ulid });
