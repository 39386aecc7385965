/**
 * `GET /v1/volunteers/me` through the local gateway (HTTP, JWT check, handler stack,
 * repository) against a raw `GetItem` of the same item on the same DynamoDB Local, both
 * sequential on kept-alive connections. Runs its own in-memory platform on free ports.
 */
import { Agent, createServer } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { loadNote, freePort, median, percentile, round, timeMs, verdict, type Benchmark, httpClient, stopPlatform } from './lib.js';

const GOAL_RATIO = 1.5;
const WARMUP = 100;
const ROUNDS = 5;
const PER_ROUND = Number(process.env.BENCH_REQUESTS ?? 1_000) / ROUNDS;

// Before the platform loads the handlers: no cron jobs firing while we measure, and no log line
// per request (Powertools warns "no application metrics" at WARN on every invocation).
process.env.LOCAL_CRON = 'off';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const call = httpClient(agent);


const benchmark: Benchmark = {
  name: 'volunteer-read',
  title: `GET /v1/volunteers/me through the local gateway vs a raw GetItem on the same DynamoDB Local, sequential, keep-alive (goal ≤ ${GOAL_RATIO}× p50)`,
  async run({ log }) {
    const { startPlatform } = await import('../../infra/local/platform.js');
    const { volunteer } = await import('../../shared/db/entities/volunteer.js');
    const { luhnCheckDigit } = await import('../../shared/domain/volunteers/national-id.js');
    const dynamoPort = await freePort();
    const platform = await startPlatform({ apiPort: 0, sesPort: 0, dynamoPort, tableName: `bench-${Date.now()}` });
    const client = DynamoDBDocumentClient.from(
      new DynamoDBClient({ region: 'me-central-1', endpoint: platform.dynamoEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    );
    try {
      const api = platform.apiUrl.replace('//localhost:', '//127.0.0.1:');
      const sub = 'bench-volunteer';
      const token = await platform.issuer.mint({ sub, groups: ['volunteer'], email: 'bench@example.sa' });
      const headers = { authorization: `Bearer ${token}` };
      const registration = {
        nationalId: `104729361${luhnCheckDigit('104729361')}`,
        nameAr: 'سارة العتيبي',
        nameEn: 'Sarah Alotaibi',
        birthDate: '1996-03-14',
        email: 'bench@example.sa',
        phone: '+966501234567',
        city: 'riyadh',
        skills: [{ name: 'first-aid', level: 'advanced' }],
        professions: ['nurse'],
        languages: ['ar', 'en'],
        availability: [{ day: 'fri', from: '16:00', to: '20:00' }],
        interests: ['health'],
        preferences: { email: true, sms: false, locale: 'ar' },
      };
      const created = await call(`${api}/v1/volunteers`, 'POST', { ...headers, 'content-type': 'application/json' }, JSON.stringify(registration));
      if (created.status !== 201) throw new Error(`POST /v1/volunteers answered ${created.status}: ${created.body}`);

      const getMe = async () => {
        const response = await call(`${api}/v1/volunteers/me`, 'GET', headers);
        if (response.status !== 200) throw new Error(`GET /v1/volunteers/me answered ${response.status}: ${response.body}`);
      };
      const key = volunteer.keys.item(sub);
      const getItem = async () => {
        const { Item } = await client.send(new GetCommand({ TableName: platform.tableName, Key: key }));
        if (!Item) throw new Error(`GetItem found no item at ${JSON.stringify(key)}`);
      };

      // The floor of the second hop: the same GetItem behind a bare node:http server in this
      // process, called like the gateway (same client, headers and kept-alive connection).
      const bare = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          client.send(new GetCommand({ TableName: platform.tableName, Key: key })).then(
            ({ Item }) => {
              res.writeHead(200, { 'content-type': 'application/json' });
              res.end(JSON.stringify(Item));
            },
            () => {
              res.writeHead(500);
              res.end();
            },
          );
        });
      });
      await new Promise<void>((resolveListen) => bare.listen(0, '127.0.0.1', resolveListen));
      const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}/v1/volunteers/me`;
      const getBare = async () => {
        const response = await call(bareUrl, 'GET', headers);
        if (response.status !== 200) throw new Error(`the bare server answered ${response.status}`);
      };

      for (let i = 0; i < WARMUP; i++) {
        await getMe();
        await getBare();
        await getItem();
      }
      log(`${WARMUP} warm-up + ${PER_ROUND * ROUNDS} measured calls each, ${ROUNDS} alternating rounds`);
      const api_: number[] = [];
      const hop: number[] = [];
      const raw: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        for (let i = 0; i < PER_ROUND; i++) api_.push(await timeMs(getMe));
        for (let i = 0; i < PER_ROUND; i++) hop.push(await timeMs(getBare));
        for (let i = 0; i < PER_ROUND; i++) raw.push(await timeMs(getItem));
      }
      // Where the extra goes: CPU of this process per call (client, gateway and handler share it;
      // DynamoDB Local is another process), for each layer of the GET on its own.
      const { handler } = (await import('../../functions/http/volunteers/get-me.js')) as { handler: (event: unknown, context: unknown) => Promise<unknown> };
      const { volunteerRepository } = await import('../../shared/db/volunteer-repository.js');
      const { toGatewayClaims, verifyJwt } = await import('../../shared/middleware/jwt.js');
      const jwtSettings = { issuer: platform.issuer.issuer, audience: platform.issuer.audience, jwksUrl: 'unused' };
      const claims = toGatewayClaims(await verifyJwt(token, jwtSettings, platform.issuer.keys));
      const event = () => ({
        version: '2.0',
        routeKey: 'GET /v1/volunteers/me',
        rawPath: '/v1/volunteers/me',
        rawQueryString: '',
        headers: { ...headers },
        requestContext: { requestId: 'bench', http: { method: 'GET', path: '/v1/volunteers/me' }, authorizer: { jwt: { claims, scopes: [] } } },
        isBase64Encoded: false,
      });
      const cpuPerCall = async (fn: () => Promise<unknown>, calls = PER_ROUND * 2): Promise<number> => {
        const start = process.cpuUsage();
        for (let i = 0; i < calls; i++) await fn();
        const used = process.cpuUsage(start);
        return (used.user + used.system) / 1000 / calls;
      };
      const repo = volunteerRepository();
      const layers = {
        'raw GetItem': await cpuPerCall(getItem),
        "the handler's repository read (document client + record validation)": await cpuPerCall(() => repo.get(sub)),
        'the handler invoked directly (stack + read + answer)': await cpuPerCall(() => handler(event(), { awsRequestId: 'bench' })),
        'JWT verification, a token seen before (cached)': await cpuPerCall(() => verifyJwt(token, jwtSettings, platform.issuer.keys)),
        'the raw GetItem behind a bare node:http server (the second hop alone)': await cpuPerCall(getBare),
        'GET through the gateway (HTTP client + server, JWT, handler)': await cpuPerCall(getMe),
      };
      bare.close();
      const ratioP50 = median(api_) / median(raw);
      const ratioP99 = percentile(api_, 99) / percentile(raw, 99);
      return {
        rows: [
          { call: 'raw GetItem (DynamoDBDocumentClient)', 'p50 ms': round(median(raw)), 'p99 ms': round(percentile(raw, 99)), 'ratio p50': 1, 'ratio p99': 1, goal: '(baseline)', result: '—' },
          {
            call: 'GET /v1/volunteers/me via local gateway',
            'p50 ms': round(median(api_)),
            'p99 ms': round(percentile(api_, 99)),
            'ratio p50': round(ratioP50),
            'ratio p99': round(ratioP99),
            goal: `≤ ${GOAL_RATIO}× p50`,
            result: verdict(ratioP50 <= GOAL_RATIO),
          },
          {
            call: 'floor: the same GetItem behind a bare node:http server',
            'p50 ms': round(median(hop)),
            'p99 ms': round(percentile(hop, 99)),
            'ratio p50': round(median(hop) / median(raw)),
            'ratio p99': round(percentile(hop, 99) / percentile(raw, 99)),
            goal: '(the hop alone)',
            result: '—',
          },
          ...Object.entries(layers).map(([layer, ms]) => ({ call: `CPU of this process per call: ${layer}`, 'p50 ms': round(ms, 3), 'ratio p50': round(ms / layers['raw GetItem']), goal: '(where it goes)', result: '—' })),
        ],
        notes: [
        loadNote(),
          'floor: what the second HTTP hop costs with no code of ours (a bare node:http server in this process doing the same GetItem); the gap between it and the GET is the gateway, the JWT check, the handler stack and the record validation',
          'the CPU rows isolate each layer (this process only, every thread; DynamoDB Local runs in its own)',
          `${PER_ROUND * ROUNDS} sequential calls each after ${WARMUP} warm-up; DynamoDB Local in memory; client, gateway and handler share one Node process (${process.version}); the GET includes HTTP, JWT verification by the gateway, the handler stack and the same GetItem`,
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
