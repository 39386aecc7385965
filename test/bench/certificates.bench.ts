/**
 * Certificates (issue 12): issuing 1,000 certificates through the local gateway with the local
 * signer (per-certificate time: ledger read, status-list allocation, ES256 signing, the
 * issuing transaction), the signing alone, the KMS calls per certificate on the cloud path
 * (the issuing service with the KMS signer over a counting stand-in of KMS), and p50/p99 of
 * the public `GET /v1/certificates/{code}`. Runs its own in-memory platform on free ports.
 */
import { Agent } from 'node:http';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { freePort, httpClient, loadNote, median, percentile, round, stopPlatform, timeMs, verdict, type Benchmark } from './lib.js';

const CERTIFICATES = Number(process.env.BENCH_CERTIFICATES ?? 1_000);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 1_000);

process.env.LOCAL_CRON = 'off';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
// The bench is one client address: lift the per-address limit of public lookups.
process.env.VERIFY_RATE_LIMIT_PER_MINUTE = '1000000';

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const call = httpClient(agent);

const dayAfter = (start: string, days: number) => new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const benchmark: Benchmark = {
  name: 'certificates',
  title: `issuing ${CERTIFICATES} certificates (local signer), KMS calls per certificate (cloud path), p50/p99 of GET /v1/certificates/{code}`,
  async run({ log }) {
    const { startPlatform } = await import('../../infra/local/platform.js');
    const { luhnCheckDigit } = await import('../../shared/domain/volunteers/national-id.js');
    const { handler: consume } = await import('../../functions/consumers/register-hours.js');
    const { signer } = await import('../../shared/signing/index.js');
    const { kmsSigner } = await import('../../shared/signing/kms-signer.js');
    const certificates = await import('../../shared/domain/certificates/service.js');
    const { certificateRepository, statusListRepository } = await import('../../shared/db/certificate-repository.js');
    const { registerRepository } = await import('../../shared/db/register-repository.js');
    const { ulid } = await import('ulid');
    const dynamoPort = await freePort();
    const platform = await startPlatform({ apiPort: 0, sesPort: 0, dynamoPort, tableName: `bench-${Date.now()}` });
    try {
      const api = platform.apiUrl.replace('//localhost:', '//127.0.0.1:');
      const sub = 'bench-holder';
      const token = await platform.issuer.mint({ sub, groups: ['volunteer'] });
      const json = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const base = '104729362';
      const registration = {
        nationalId: base + luhnCheckDigit(base),
        nameAr: 'سارة العتيبي',
        nameEn: 'Sarah Alotaibi',
        birthDate: '1996-03-14',
        email: 'bench@example.sa',
        phone: '+966501234567',
        city: 'riyadh',
        skills: [],
        professions: [],
        languages: ['ar'],
        availability: [],
        interests: ['health'],
        preferences: { email: false, sms: false, locale: 'ar' },
      };
      const created = await call(`${api}/v1/volunteers`, 'POST', json, JSON.stringify(registration));
      if (created.status !== 201) throw new Error(`POST /v1/volunteers answered ${created.status}: ${created.body}`);
      // A year of weekly hours: 52 ledger entries, read by every issue.
      for (let week = 0; week < 52; week++) {
        await consume({
          version: '0',
          id: ulid(),
          'detail-type': 'HoursApproved',
          source: 'tatawwu',
          account: '0',
          time: new Date().toISOString(),
          region: 'me-central-1',
          resources: [],
          detail: {
            eventId: ulid(),
            hoursId: ulid(),
            volunteerId: sub,
            orgId: 'bench-org',
            opportunityId: 'opp',
            kind: 'shift',
            date: dayAfter('2025-01-04', week * 7),
            minutes: 180,
            track: 'general',
            causes: ['health'],
            city: 'riyadh',
            region: 'riyadh',
            valueSar: 90,
            approvedBy: 'mgr',
            approvedAt: new Date().toISOString(),
          },
        });
      }

      // 1. Issue through the gateway: each `to` is a new scope, so each request issues a new certificate.
      log(`issuing ${CERTIFICATES} certificates through the gateway`);
      const issueTimes: number[] = [];
      const codes: string[] = [];
      const started = process.hrtime.bigint();
      for (let i = 0; i < CERTIFICATES; i++) {
        issueTimes.push(
          await timeMs(async () => {
            const response = await call(`${api}/v1/volunteers/me/certificates`, 'POST', json, JSON.stringify({ from: '2025-01-01', to: dayAfter('2025-06-01', i) }));
            if (response.status !== 201) throw new Error(`issue answered ${response.status}: ${response.body}`);
            codes.push((JSON.parse(response.body) as { code: string }).code);
          }),
        );
      }
      const issueWallMs = Number(process.hrtime.bigint() - started) / 1e6;

      // 2. The local signer alone, on a credential-sized payload.
      const local = await signer();
      const payload = { credential: 'x'.repeat(1500) };
      const signTimes: number[] = [];
      for (let i = 0; i < CERTIFICATES; i++) signTimes.push(await timeMs(() => local.sign(payload, { typ: 'vc+jwt' })));

      // 3. The cloud path (scopes of its own, so that none is answered by an existing certificate): the same issuing service with the KMS signer over a stand-in that counts calls (KMS has no local stand-in).
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const kmsCalls: string[] = [];
      const kms = kmsSigner({
        keyArn: 'arn:aws:kms:me-central-1:111122223333:key/bench',
        client: {
          async sign(input) {
            kmsCalls.push('Sign');
            return { Signature: new Uint8Array(sign(null, Buffer.from(input.Message), { key: privateKey, dsaEncoding: 'der' })) };
          },
          async getPublicKey() {
            throw new Error('unexpected KMS call GetPublicKey');
          },
        },
      });
      const { organizationRepository } = await import('../../shared/db/organization-repository.js');
      const organizations = organizationRepository();
      const cloudPorts = {
        certificates: certificateRepository(),
        register: registerRepository(),
        volunteers: { names: async () => ({ nameAr: 'سارة العتيبي', nameEn: 'Sarah Alotaibi' }) },
        organizations: { names: async (ids: readonly string[]) => new Map((await Promise.all(ids.map(async (id) => [id, await organizations.get(id)] as const))).flatMap(([id, org]) => (org ? [[id, org]] : [[id, { nameAr: id, nameEn: id }]]))) },
        statusLists: statusListRepository(),
        signer: async () => kms,
        clock: { now: () => new Date() },
        ids: () => ulid(),
        randomBytes: () => new Uint8Array(randomBytes(16)),
        baseUrl: 'https://api.tatawwu.example',
      };
      const CLOUD = 50;
      for (let i = 0; i < CLOUD; i++) await certificates.issue(cloudPorts, { sub, groups: ['volunteer'] }, { from: '2024-12-31', to: dayAfter('2025-06-01', i) });
      const kmsPerCertificate = kmsCalls.length / CLOUD;

      // 4. Public verification by code, sequential.
      log(`${LOOKUPS} lookups of GET /v1/certificates/{code}`);
      const lookup = async (code: string) => {
        const response = await call(`${api}/v1/certificates/${code}`);
        if (response.status !== 200) throw new Error(`lookup answered ${response.status}: ${response.body}`);
      };
      for (let i = 0; i < 100; i++) await lookup(codes[i % codes.length]!);
      const lookupTimes: number[] = [];
      for (let i = 0; i < LOOKUPS; i++) lookupTimes.push(await timeMs(() => lookup(codes[(i * 7919) % codes.length]!)));

      return {
        rows: [
          {
            measure: `issue ${CERTIFICATES} certificates via POST /v1/volunteers/me/certificates (local signer)`,
            'mean ms': round(issueWallMs / CERTIFICATES),
            'p50 ms': round(median(issueTimes)),
            'p99 ms': round(percentile(issueTimes, 99)),
            goal: '—',
            result: '—',
          },
          { measure: 'ES256 signing alone (local signer, 1.5 KB payload)', 'mean ms': round(signTimes.reduce((a, b) => a + b, 0) / signTimes.length, 3), 'p50 ms': round(median(signTimes), 3), 'p99 ms': round(percentile(signTimes, 99), 3), goal: '—', result: '—' },
          { measure: `KMS calls per certificate (cloud path, ${CLOUD} issued)`, 'mean ms': '—', 'p50 ms': '—', 'p99 ms': '—', goal: '1', result: `${kmsPerCertificate} → ${verdict(kmsPerCertificate === 1)}` },
          { measure: `GET /v1/certificates/{code} via local gateway (${LOOKUPS} sequential)`, 'mean ms': round(lookupTimes.reduce((a, b) => a + b, 0) / lookupTimes.length), 'p50 ms': round(median(lookupTimes)), 'p99 ms': round(percentile(lookupTimes, 99)), goal: '—', result: '—' },
        ],
        notes: [
          loadNote(),
          'issuing = JWT check, ledger Query (52 entries), scope GetItem, status-list allocation (UpdateItem on one of 4 shard counters), ES256 signing, one TransactWriteItems (certificate, id and code pointers, scope, outbox event); a lookup = the rate counter UpdateItem and two GetItems (code pointer, certificate)',
          `DynamoDB Local in memory; client, gateway and handlers share one Node process (${process.version}); the KMS stand-in counts commands (it signs with node:crypto, so its time says nothing about KMS latency)`,
        ],
      };
    } finally {
      agent.destroy();
      await stopPlatform(platform, dynamoPort);
    }
  },
};

export default benchmark;
