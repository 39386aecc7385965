/**
 * Local stand-ins that plug into the platform (API docs, workflow runner, schedules, SMS
 * outbox…). Each later area adds its extension here.
 */
import { apiDocs } from './api-docs.js';
import { appLinksExtension } from './app-links.js';
import { eventRelayExtension } from './event-relay.js';
import { exportsExtension } from './exports.js';
import { jobsExtension } from './jobs.js';
import type { LocalExtension } from './extension.js';
import { smsExtension } from './sms.js';
import { workflowsExtension } from './workflows.js';

// The relay first: its POST /local/schedules/event-outbox answers before the jobs' schedules route.
export const localExtensions: LocalExtension[] = [eventRelayExtension, jobsExtension, apiDocs, smsExtension, workflowsExtension, appLinksExtension, exportsExtension];
