/**
 * Text stored before the free-text rule (issue 10 §5) is cleaned by `npm run clean-text`
 * (infra/ops/clean-text.ts): a dry run reports and changes nothing; `--apply` rewrites each
 * string with `cleanText`, leaves clean text (a Persian word's ZWNJ included) as it was, and a
 * second run finds nothing.
 */
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../infra/local/dynamodb.js';
import { cleanStoredText } from '../../infra/ops/clean-text.js';
import { cleanText, unsafeTextReason } from '../../shared/domain/reference/text.js';
import { createTestTable } from '../helpers/table.js';

let table: { tableName: string; endpoint: string };
const PERSIAN = 'می\u200Cخواهم';

const get = async (PK: string, SK: string) =>
  (await DynamoDBDocumentClient.from(localClient(table.endpoint)).send(new GetCommand({ TableName: table.tableName, Key: { PK, SK }, ConsistentRead: true }))).Item!;

beforeAll(async () => {
  table = await createTestTable();
  const doc = DynamoDBDocumentClient.from(localClient(table.endpoint));
  const put = (Item: Record<string, unknown>) => doc.send(new PutCommand({ TableName: table.tableName, Item }));
  await put({ PK: 'VOL#a', SK: 'PROFILE', entity: 'Volunteer', nameAr: 'سارة \u202Eالعتيبي', nameEn: 'Sarah\u200B Alotaibi', city: 'riyadh' });
  await put({ PK: 'OPP#b', SK: 'OPP', entity: 'Opportunity', titleEn: 'Beach\nclean-up', descriptionAr: `وصف ${PERSIAN}`, seats: 3 });
  await put({ PK: 'HOURS#c', SK: 'HOURS', entity: 'HoursRecord', decisions: [{ reason: 'ab\ud800cd', by: 'm' }], minutes: 60 });
  await put({ PK: 'VOL#d', SK: 'PROFILE', entity: 'Volunteer', nameAr: 'نورة', nameEn: 'Noura' });
});

describe('cleaning text stored before the rule', () => {
  it('turns every refused string into the nearest accepted text', () => {
    const dirty = ['سارة \u202Eالعتيبي', 'Sarah\u200B Alotaibi', 'Beach\nclean-up', 'ab\ud800cd', '\u200Dx', 'a\t\tb'];
    expect(dirty.map(cleanText)).toEqual(['سارة العتيبي', 'Sarah Alotaibi', 'Beach clean-up', 'abcd', 'x', 'a b']);
    expect(dirty.map(cleanText).map(unsafeTextReason)).toEqual(dirty.map(() => undefined));
    expect(cleanText(`وصف ${PERSIAN}`)).toBe(`وصف ${PERSIAN}`);
  });

  it('reports in a dry run and changes nothing', async () => {
    const summary = await cleanStoredText({ client: localClient(table.endpoint), table: table.tableName, apply: false });

    expect(summary).toMatchObject({ applied: false, scanned: 4, dirty: 3, cleaned: 0, skipped: [] });
    expect(summary.byAttribute).toEqual({ 'Volunteer.nameAr': 1, 'Volunteer.nameEn': 1, 'Opportunity.titleEn': 1, 'HoursRecord.decisions': 1 });
    expect((await get('VOL#a', 'PROFILE')).nameAr).toBe('سارة \u202Eالعتيبي');
  });

  it('rewrites the dirty strings with --apply, keeps everything else, and finds nothing the second time', async () => {
    const applied = await cleanStoredText({ client: localClient(table.endpoint), table: table.tableName, apply: true });
    const again = await cleanStoredText({ client: localClient(table.endpoint), table: table.tableName, apply: true });

    expect([applied.cleaned, again.dirty]).toEqual([3, 0]);
    expect(await get('VOL#a', 'PROFILE')).toMatchObject({ nameAr: 'سارة العتيبي', nameEn: 'Sarah Alotaibi', city: 'riyadh' });
    expect(await get('OPP#b', 'OPP')).toMatchObject({ titleEn: 'Beach clean-up', descriptionAr: `وصف ${PERSIAN}`, seats: 3 });
    expect((await get('HOURS#c', 'HOURS')).decisions).toEqual([{ reason: 'abcd', by: 'm' }]);
    expect(await get('VOL#d', 'PROFILE')).toMatchObject({ nameAr: 'نورة', nameEn: 'Noura' });
  });
});
