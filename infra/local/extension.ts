/**
 * What a local extension (workflows, schedules, SMS outbox, event relay…) is, and the small
 * response helper the extensions share. Kept apart from platform.ts, which imports every
 * extension: an extension that imported platform.ts back made a runtime import cycle.
 */
import type { LocalRoute } from './gateway.js';
import type { LocalIssuer } from './issuer.js';

/** What a local extension gets to build its routes. */
export interface ExtensionContext {
  readonly apiUrl: string;
  readonly tableName: string;
  /** The local-only table of what the cloud's managed services keep (shared/db/table.ts: localOnlyTable). */
  readonly servicesTableName: string;
  readonly dynamoEndpoint: string;
  readonly issuer: LocalIssuer;
}

export interface StartedExtension {
  readonly routes?: readonly LocalRoute[];
  readonly banner?: readonly string[];
  stop?(): Promise<void>;
}

export interface LocalExtension {
  readonly name: string;
  start(context: ExtensionContext): Promise<StartedExtension>;
}

export const json = (status: number, body: unknown) => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
