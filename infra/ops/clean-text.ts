/**
 * `npm run clean-text`: text stored before the free-text rule (shared/domain/reference/text.ts,
 * issue 10 §5) may still hold bidirectional controls, lone surrogates, invisible format or
 * control characters, and reach emails, certificates and exports from there. This walks the
 * table once and rewrites every such string with `cleanText` (the nearest accepted text).
 *
 *   npm run clean-text -- --local [--endpoint http://127.0.0.1:8000] --table tatawwu-local [--apply]
 *   npm run clean-text -- --region me-central-1 --table <table name> [--apply]
 *
 * Dry run by default: it prints what it would change (entity, attribute, count) and changes
 * nothing; `--apply` writes. Each write replaces the changed top-level attributes only, on the
 * condition that they still hold what was read (a concurrent edit wins and is reported as
 * skipped). Key attributes are never rewritten (reported). An operator's one-off: it Scans the
 * table, which no function role may do.
 */
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { cleanText } from '../../shared/domain/reference/text.js';

const KEY_ATTRIBUTES = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK']);

export interface CleanSummary {
  readonly table: string;
  readonly applied: boolean;
  readonly scanned: number;
  /** Items with at least one string to clean. */
  readonly dirty: number;
  readonly cleaned: number;
  /** Changed by someone else between the read and the write, or dirty in a key attribute. */
  readonly skipped: readonly string[];
  /** `<entity>.<attribute>` → strings to clean. */
  readonly byAttribute: Readonly<Record<string, number>>;
}

/** The value with every string inside it cleaned, and how many strings changed. */
const cleanValue = (value: unknown): { value: unknown; changed: number } => {
  if (typeof value === 'string') {
    const cleaned = cleanText(value);
    return { value: cleaned, changed: cleaned === value ? 0 : 1 };
  }
  if (Array.isArray(value)) {
    let changed = 0;
    const out = value.map((v) => {
      const r = cleanValue(v);
      changed += r.changed;
      return r.value;
    });
    return { value: out, changed };
  }
  if (value instanceof Set) {
    const r = cleanValue([...value]);
    return { value: new Set(r.value as unknown[]), changed: r.changed };
  }
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    let changed = 0;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = cleanValue(v);
      changed += r.changed;
      out[k] = r.value;
    }
    return { value: out, changed };
  }
  return { value, changed: 0 };
};

export const cleanStoredText = async (options: { client: DynamoDBClient; table: string; apply: boolean }): Promise<CleanSummary> => {
  const doc = DynamoDBDocumentClient.from(options.client, { marshallOptions: { removeUndefinedValues: true } });
  const byAttribute: Record<string, number> = {};
  const skipped: string[] = [];
  let scanned = 0;
  let dirty = 0;
  let cleaned = 0;
  for await (const page of paginateScan({ client: doc }, { TableName: options.table, ConsistentRead: true })) {
    for (const item of page.Items ?? []) {
      scanned += 1;
      const entity = String(item.entity ?? 'unknown');
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      for (const [name, value] of Object.entries(item)) {
        const r = cleanValue(value);
        if (r.changed === 0) continue;
        byAttribute[`${entity}.${name}`] = (byAttribute[`${entity}.${name}`] ?? 0) + r.changed;
        changes[name] = { before: value, after: r.value };
      }
      const names = Object.keys(changes);
      if (names.length === 0) continue;
      dirty += 1;
      const where = `${String(item.PK)} / ${String(item.SK)}`;
      if (names.some((n) => KEY_ATTRIBUTES.has(n))) {
        skipped.push(`${where}: a key attribute holds such text (${names.filter((n) => KEY_ATTRIBUTES.has(n)).join(', ')}); not rewritten`);
        continue;
      }
      if (!options.apply) continue;
      try {
        await doc.send(
          new UpdateCommand({
            TableName: options.table,
            Key: { PK: item.PK, SK: item.SK },
            UpdateExpression: `SET ${names.map((_, i) => `#a${i} = :after${i}`).join(', ')}`,
            ConditionExpression: names.map((_, i) => `#a${i} = :before${i}`).join(' AND '),
            ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#a${i}`, n])),
            ExpressionAttributeValues: Object.fromEntries(names.flatMap((n, i) => [[`:after${i}`, changes[n]!.after], [`:before${i}`, changes[n]!.before]])),
          }),
        );
        cleaned += 1;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        skipped.push(`${where}: changed since it was read; run again`);
      }
    }
  }
  return { table: options.table, applied: options.apply, scanned, dirty, cleaned, skipped, byAttribute };
};

const main = async () => {
  const { values } = parseArgs({
    options: { local: { type: 'boolean' }, endpoint: { type: 'string' }, region: { type: 'string' }, table: { type: 'string' }, apply: { type: 'boolean' } },
  });
  if (!values.table || (!values.local && !values.region)) {
    console.error('usage: npm run clean-text -- (--local [--endpoint <url>] | --region <region>) --table <table name> [--apply]');
    process.exit(2);
  }
  const client = values.local
    ? new DynamoDBClient({ region: 'me-central-1', endpoint: values.endpoint ?? 'http://127.0.0.1:8000', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } })
    : new DynamoDBClient({ region: values.region! });
  const summary = await cleanStoredText({ client, table: values.table, apply: values.apply ?? false });
  console.log(JSON.stringify(summary, null, 2));
  if (!summary.applied && summary.dirty > 0) console.log(`dry run: ${summary.dirty} item(s) would change; run again with --apply`);
};

if (import.meta.url === `file://${process.argv[1]}`) await main();
