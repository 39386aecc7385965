/**
 * `GET /v1/opportunities` over 10,000 published opportunities on DynamoDB Local: latency of a
 * first page (limit 20) for several filter combinations, through the local gateway, against the
 * raw Query (or Queries) the repository performs for that page, replayed with a plain document
 * client. Seeding goes straight through the repository's bulk loader (BatchWriteItem), not the
 * API. Runs its own in-memory platform on free ports.
 */
import { Agent } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { freePort, loadNote, median, percentile, round, timeMs, verdict, type Benchmark, type Row, httpClient, stopPlatform } from './lib.js';

const OPPORTUNITIES = Number(process.env.BENCH_OPPORTUNITIES ?? 10_000);
const ORGANIZATIONS = 200;
const WARMUP = 30;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
/** The API adds HTTP, the handler stack, zod, the cursor and the JSON of 20 summaries. */
const GOAL_RATIO = 2;
const GOAL_P99_MS = 100;

process.env.LOCAL_CRON = 'off';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const get = httpClient(agent);

/** Deterministic pseudo-random numbers, so every run seeds the same country. */
const random = (() => {
  let state = 0x2545f491;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
})();
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const some = <T>(items: readonly T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(items)))];

const SKILLS = ['first-aid', 'crowd-management', 'driving', 'teaching', 'translation', 'cooking', 'photography', 'event-planning', 'fundraising', 'graphic-design', 'social-media', 'data-entry', 'elderly-care', 'child-care', 'sign-language', 'arabic-calligraphy', 'carpentry', 'gardening', 'tutoring', 'counselling'];

const benchmark: Benchmark = {
  name: 'opportunity-search',
  title: `GET /v1/opportunities (first page of 20) over ${OPPORTUNITIES.toLocaleString('en')} published opportunities via the local gateway vs the raw Query it performs (goal ≤ ${GOAL_RATIO}× p50, p99 ≤ ${GOAL_P99_MS} ms)`,
  async run({ log }) {
    const { startPlatform } = await import('../../infra/local/platform.js');
    const { cities } = await import('../../shared/domain/reference/cities.js');
    const { causes } = await import('../../shared/domain/reference/causes.js');
    const { professions } = await import('../../shared/domain/reference/professions.js');
    const { SearchOpportunities } = await import('../../shared/domain/opportunities/schema.js');
    const { planSearch } = await import('../../shared/domain/opportunities/search.js');
    const { opportunityRepository, seedPublishedOpportunities } = await import('../../shared/db/opportunity-repository.js');
    type Entry = Parameters<typeof seedPublishedOpportunities>[0][number];

    const dynamoPort = await freePort();
    const platform = await startPlatform({ apiPort: 0, sesPort: 0, dynamoPort, tableName: `bench-${Date.now()}` });
    const client = DynamoDBDocumentClient.from(
      new DynamoDBClient({ region: 'me-central-1', endpoint: platform.dynamoEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
      { marshallOptions: { removeUndefinedValues: true } },
    );
    try {
      // ── Seed ──────────────────────────────────────────────────────────────
      const now = Date.now();
      const orgIds = Array.from({ length: ORGANIZATIONS }, () => ulid());
      // Big cities get more opportunities, as they would.
      const weightedCities = cities.flatMap((city) => Array.from({ length: ['riyadh', 'jeddah'].includes(city.id) ? 6 : ['dammam', 'makkah', 'madinah'].includes(city.id) ? 3 : 1 }, () => city.id));
      const categoryIds = Object.keys(causes) as (keyof typeof causes)[];
      const professionIds = Object.keys(professions) as (keyof typeof professions)[];
      const entries: Entry[] = Array.from({ length: OPPORTUNITIES }, () => {
        const id = ulid();
        const orgId = pick(orgIds);
        const shifts = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
          const start = now + Math.floor(random() * 90 * 24) * 3_600_000;
          return { id: ulid(), opportunityId: id, orgId, start: new Date(start).toISOString(), end: new Date(start + 4 * 3_600_000).toISOString(), capacity: 5 + Math.floor(random() * 50), seatsTaken: 0 };
        });
        const starts = shifts.map((s) => s.start).sort();
        const ends = shifts.map((s) => s.end).sort();
        const at = new Date(now).toISOString();
        return {
          opportunity: {
            id,
            orgId,
            status: 'published' as const,
            titleAr: 'فرصة تطوعية',
            titleEn: `Volunteering opportunity ${id.slice(-6)}`,
            descriptionAr: 'وصف مختصر للفرصة التطوعية ومهامها.',
            descriptionEn: 'A short description of the opportunity and its tasks.',
            category: pick(categoryIds),
            city: pick(weightedCities) as Entry['opportunity']['city'],
            remote: random() < 0.1,
            skills: some(SKILLS, 3),
            professions: random() < 0.6 ? [] : some(professionIds, 2),
            requiresApproval: random() < 0.5,
            trainingModules: [],
            firstShiftStart: starts[0]!,
            lastShiftEnd: ends.at(-1)!,
            createdBy: 'bench',
            createdAt: at,
            updatedAt: at,
            publishedAt: at,
          },
          shifts,
        };
      });
      const seedStarted = Date.now();
      const WORKERS = 8;
      const chunk = Math.ceil(entries.length / WORKERS);
      await Promise.all(
        Array.from({ length: WORKERS }, (_, w) => seedPublishedOpportunities(entries.slice(w * chunk, (w + 1) * chunk), client, platform.tableName)),
      );
      const seedSeconds = (Date.now() - seedStarted) / 1000;
      log(`seeded ${entries.length} opportunities in ${seedSeconds.toFixed(1)} s`);

      // ── Measure ───────────────────────────────────────────────────────────
      const sampleOrg = entries[0]!.opportunity.orgId;
      const from = new Date(now + 7 * 86_400_000).toISOString();
      const to = new Date(now + 21 * 86_400_000).toISOString();
      const combos: { label: string; query: Record<string, string> }[] = [
        { label: 'no filter (all published)', query: {} },
        { label: 'city=riyadh', query: { city: 'riyadh' } },
        { label: 'city=jeddah & category=health', query: { city: 'jeddah', category: 'health' } },
        { label: 'skill=first-aid & city=riyadh', query: { skill: 'first-aid', city: 'riyadh' } },
        { label: 'profession=nurse & from & to', query: { profession: 'nurse', from, to } },
        { label: 'orgId (one organisation)', query: { orgId: sampleOrg } },
      ];

      // The Queries the repository performs for a page, captured from its own client.
      const queriesFor = async (query: Record<string, string>): Promise<QueryCommandInput[]> => {
        const captured: QueryCommandInput[] = [];
        const capturing = { send: (command: QueryCommand) => (captured.push(structuredClone(command.input)), client.send(command)) } as unknown as DynamoDBDocumentClient;
        const parsed = SearchOpportunities.parse(query);
        await opportunityRepository(capturing, () => platform.tableName).search(planSearch(parsed, new Date()), parsed.limit, undefined);
        return captured;
      };

      const api = platform.apiUrl.replace('//localhost:', '//127.0.0.1:');
      const rows: Row[] = [];
      for (const combo of combos) {
        const url = `${api}/v1/opportunities?${new URLSearchParams(combo.query).toString()}`;
        const first = await get(url);
        if (first.status !== 200) throw new Error(`${url} answered ${first.status}: ${first.body}`);
        const items = (JSON.parse(first.body) as { items: unknown[] }).items.length;
        const queries = await queriesFor(combo.query);
        const apiCall = async () => {
          const response = await get(url);
          if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
        };
        const rawQueries = async () => {
          for (const input of queries) await client.send(new QueryCommand(input));
        };
        for (let i = 0; i < WARMUP; i++) {
          await apiCall();
          await rawQueries();
        }
        const apiMs: number[] = [];
        const rawMs: number[] = [];
        for (let i = 0; i < REQUESTS; i++) {
          apiMs.push(await timeMs(apiCall));
          rawMs.push(await timeMs(rawQueries));
        }
        const ratio = median(apiMs) / median(rawMs);
        rows.push({
          search: combo.label,
          partition: String(queries[0]?.ExpressionAttributeValues?.[':p'] ?? ''),
          items,
          queries: queries.length,
          'api p50 ms': round(median(apiMs)),
          'api p99 ms': round(percentile(apiMs, 99)),
          'raw p50 ms': round(median(rawMs)),
          'raw p99 ms': round(percentile(rawMs, 99)),
          'ratio p50': round(ratio),
          goal: `≤ ${GOAL_RATIO}× p50, p99 ≤ ${GOAL_P99_MS} ms`,
          result: verdict(ratio <= GOAL_RATIO && percentile(apiMs, 99) <= GOAL_P99_MS),
        });
        log(`${combo.label}: api p50 ${round(median(apiMs))} ms, raw p50 ${round(median(rawMs))} ms`);
      }
      return {
        rows,
        notes: [
          loadNote(),
          `${OPPORTUNITIES.toLocaleString('en')} published opportunities of ${ORGANIZATIONS} organisations (1–3 shifts in the next 90 days, 0–3 skills, 0–2 professions), seeded with BatchWriteItem in ${seedSeconds.toFixed(1)} s; DynamoDB Local in memory`,
          `${REQUESTS} sequential requests per search after ${WARMUP} warm-up, alternating API and raw; "raw" replays exactly the Query inputs the repository sends for that page (same index, key condition, filter, Limit, one after the other when a filter needs more than one read)`,
          '"partition": the GSI1 partition queried (most selective filter); the other filters are a FilterExpression on it. `queries` > 1 means the page needed further reads to fill 20 matches',
          'the API path adds HTTP over a kept-alive socket, the gateway, the handler stack (logger, tracer, metrics, zod), the plan and the cursor, and the JSON of up to 20 summaries',
        ],
      };
    } finally {
      agent.destroy();
      client.destroy();
      await stopPlatform(platform, dynamoPort);
    }
  },
};

export default benchmark;
