/**
 * PersonalDataExportRequested (issue 18) → the copy of a volunteer's data built as a ZIP, stored
 * in the exports bucket (a directory locally) and its one-time link emailed. A redelivery builds
 * it again and emails a new link (the earlier token stops working); nothing once downloaded.
 */
import { prepareCopy } from '../../shared/domain/personal-data/export-jobs.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { exportJobPorts } from '../http/personal-data/ports.js';
import { prepareExport } from './index.js';

export const handler = consumer(prepareExport).handler(async ({ detail }) => ({ export: await prepareCopy(exportJobPorts(), detail) }));
