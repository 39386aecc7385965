/**
 * `npm run seed`: fills a RUNNING local platform with realistic bilingual demo data, through
 * the HTTP API only (tokens from `POST /local/token`, then the real endpoints), exactly as
 * clients would. Start the platform first (`npm start`), then run this.
 *
 *   API_URL      the platform (default http://localhost:3000)
 *   SEED         PRNG seed (default 20250923): the same seed gives the same data
 *   VOLUNTEERS   how many volunteers (default 200)
 *
 * Deterministic: every person, organisation and opportunity comes from a seeded PRNG, so a rerun
 * sends the same requests and creates nothing twice: an existing profile answers 409, an
 * organisation or opportunity carries an Idempotency-Key derived from the seed (its reply is
 * replayed for 24 h; after that an organisation's licence answers 409), and each of these
 * counts as "already there".
 *
 * Steps run in order; a step whose routes the platform does not serve (read from its own
 * /openapi.json) is skipped. Later areas add a step to `steps` at the bottom.
 */
import { SingleBar, Presets } from 'cli-progress';
import {
  anchor,
  mobile,
  OPPORTUNITIES_PER_ORG,
  opportunity,
  organizationNames,
  ORGANIZATIONS,
  SEED,
  stepRandom,
  volunteer,
  VOLUNTEERS,
  type Random,
} from './seed-data.js';

const API_URL = (process.env.API_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const CONCURRENCY = 4;

// ── HTTP ──────────────────────────────────────────────────────────────────────
interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown> | undefined;
}

const api = async (method: string, path: string, options: { token?: string; body?: unknown; idempotencyKey?: string } = {}): Promise<Reply> => {
  const response = await fetch(`${API_URL}${path}`, {
    method,
    headers: {
      ...(options.token && { authorization: `Bearer ${options.token}` }),
      ...(options.body !== undefined && { 'content-type': 'application/json' }),
      ...(options.idempotencyKey && { 'idempotency-key': options.idempotencyKey }),
    },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  let body: Record<string, unknown> | undefined;
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    body = { text };
  }
  return { status: response.status, body };
};

const tokens = new Map<string, string>();
const token = async (request: { sub: string; groups: string[]; email?: string; orgId?: string }): Promise<string> => {
  const key = JSON.stringify(request);
  const cached = tokens.get(key);
  if (cached) return cached;
  const reply = await api('POST', '/local/token', { body: { ...request, expiresIn: 3600 } });
  if (reply.status !== 200 || typeof reply.body?.token !== 'string') throw new SeedError(`POST /local/token answered ${reply.status}`, reply);
  tokens.set(key, reply.body.token);
  return reply.body.token;
};

class SeedError extends Error {
  constructor(message: string, reply?: Reply) {
    const detail = reply?.body?.detail ?? reply?.body?.message;
    super(detail ? `${message}: ${String(detail)}` : message);
  }
}

/** Retries while `retry(reply)` says the platform is not ready yet (e.g. a workflow still starting). */
const retrying = async (call: () => Promise<Reply>, retry: (reply: Reply) => boolean, attempts = 20): Promise<Reply> => {
  let reply = await call();
  for (let attempt = 1; attempt < attempts && retry(reply); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 100 * 2 ** attempt)));
    reply = await call();
  }
  return reply;
};

const problemType = (reply: Reply): string => String(reply.body?.type ?? '').split('/').at(-1) ?? '';

// ── Steps ─────────────────────────────────────────────────────────────────────
type Outcome = 'created' | 'existing';
interface Tally {
  created: number;
  existing: number;
  failed: number;
  errors: string[];
}
interface SeedContext {
  /** This step's own stream, so that changing one step (e.g. VOLUNTEERS) never changes another's data. */
  readonly random: Random;
  /** Shared between steps: what earlier steps made (e.g. organisation ids for opportunities). */
  readonly made: { organizations: Array<{ id: string; managerSub: string; index: number }> };
}
interface SeedStep {
  readonly name: string;
  /** `METHOD /path` templates the step needs; it is skipped when the platform lacks one. */
  readonly needs: readonly string[];
  /** Builds the work (deterministically) and returns one task per item. */
  plan(context: SeedContext): Promise<Array<() => Promise<Outcome>>> | Array<() => Promise<Outcome>>;
  /** Run the tasks one at a time (order matters) instead of CONCURRENCY at once. */
  readonly sequential?: boolean;
}

const volunteersStep: SeedStep = {
  name: 'volunteers',
  needs: ['POST /v1/volunteers', 'GET /v1/charter', 'POST /v1/volunteers/me/charter-acceptances'],
  async plan({ random }) {
    const charter = await api('GET', '/v1/charter');
    if (charter.status !== 200 || typeof charter.body?.version !== 'string') throw new SeedError(`GET /v1/charter answered ${charter.status}`, charter);
    const version = charter.body.version;
    const used = new Set<string>();
    const people = Array.from({ length: VOLUNTEERS }, (_, i) => volunteer(random, i, used));
    return people.map((person) => async () => {
      const auth = await token({ sub: person.sub, groups: ['volunteer'], email: person.email });
      const created = await api('POST', '/v1/volunteers', { token: auth, body: person.profile });
      if (created.status !== 201 && created.status !== 409) throw new SeedError(`${person.sub}: POST /v1/volunteers answered ${created.status}`, created);
      const accepted = await api('POST', '/v1/volunteers/me/charter-acceptances', { token: auth, body: { version } });
      if (accepted.status !== 200 && accepted.status !== 201) throw new SeedError(`${person.sub}: charter acceptance answered ${accepted.status}`, accepted);
      return created.status === 201 ? 'created' : 'existing';
    });
  },
};

const reviewer = { sub: 'seed-ministry-reviewer', groups: ['ministry-reviewer'], email: 'reviewer@example.sa' };

const organizationsStep: SeedStep = {
  name: 'organizations',
  needs: ['POST /v1/organizations', 'POST /v1/organizations/{orgId}/decision', 'GET /v1/organizations/{orgId}'],
  plan({ random, made }) {
    return organizationNames.slice(0, ORGANIZATIONS).map((org, index) => {
      const managerSub = `seed-org-manager-${String(index + 1).padStart(2, '0')}`;
      const slug = org.name[1].toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
      const body = {
        nameAr: org.name[0],
        nameEn: org.name[1],
        licenseNumber: `${random.pick(['10', '40', '20', '70'])}${String(random.int(10_000_000, 99_999_999))}`,
        city: org.city,
        contactEmail: `info@${slug}.org.sa`,
        phone: mobile(random),
        causes: org.causes,
      };
      return async () => {
        const owner = await token({ sub: managerSub, groups: [], email: `manager${index + 1}@example.sa` });
        const registered = await api('POST', '/v1/organizations', { token: owner, body, idempotencyKey: `seed-${SEED}-org-${index + 1}` });
        // 409: the licence is already registered by an earlier run (its replies have expired).
        if (registered.status === 409) return 'existing';
        if (registered.status !== 202 || typeof registered.body?.id !== 'string') throw new SeedError(`${org.name[1]}: POST /v1/organizations answered ${registered.status}`, registered);
        const orgId = registered.body.id;
        const ministry = await token(reviewer);
        const current = await api('GET', `/v1/organizations/${orgId}`, { token: ministry });
        let outcome: Outcome = 'existing';
        if (current.body?.status === 'pending') {
          // The onboarding workflow opens the decision a moment after registration.
          const decided = await retrying(
            () => api('POST', `/v1/organizations/${orgId}/decision`, { token: ministry, body: { decision: 'approve' } }),
            (reply) => reply.status === 409 && problemType(reply) === 'decision-not-open',
          );
          if (decided.status !== 202) throw new SeedError(`${org.name[1]}: decision answered ${decided.status}`, decided);
          outcome = 'created';
        }
        made.organizations.push({ id: orgId, managerSub, index });
        return outcome;
      };
    });
  },
};

const opportunitiesStep: SeedStep = {
  name: 'opportunities',
  needs: ['POST /v1/organizations/{orgId}/opportunities', 'POST /v1/opportunities/{id}/publish'],
  plan({ random, made }) {
    const start = anchor();
    // Bodies are drawn for every organisation, made or not, so reruns draw the same ones.
    const drafts = organizationNames.slice(0, ORGANIZATIONS).map((org) => Array.from({ length: OPPORTUNITIES_PER_ORG }, () => opportunity(random, org, start)));
    return made.organizations.flatMap(({ id: orgId, managerSub, index }) =>
      drafts[index]!.map((body, n) => async () => {
        const manager = await token({ sub: managerSub, groups: ['org-manager'], orgId });
        const key = `seed-${SEED}-${start.toISOString().slice(0, 7)}-org-${index + 1}-opp-${n + 1}`;
        // The organisation turns active when the workflow has run the approval.
        const created = await retrying(
          () => api('POST', `/v1/organizations/${orgId}/opportunities`, { token: manager, body, idempotencyKey: key }),
          (reply) => reply.status === 409 && problemType(reply) === 'organization-not-active',
        );
        if (created.status !== 201 || typeof created.body?.id !== 'string') throw new SeedError(`${orgId} #${n + 1}: POST opportunities answered ${created.status}`, created);
        const opportunityId = created.body.id;
        if (created.body.status !== 'draft') return 'existing';
        const published = await api('POST', `/v1/opportunities/${opportunityId}/publish`, { token: manager });
        // 409: published by an earlier run (this create was an idempotent replay).
        if (published.status === 409) return 'existing';
        if (published.status !== 200) throw new SeedError(`${opportunityId}: publish answered ${published.status}`, published);
        return 'created';
      }),
    );
  },
};

/** In order; later areas (applications, hours, companies…) add their steps here. */
/**
 * ILLUSTRATIVE economic valuation rates (SAR per hour, replacement-cost method of the ILO Manual
 * on the measurement of volunteer work): round figures for demos and tests, NOT official wage
 * statistics. The ministry sets the real ones with PUT /v1/valuation-rates.
 */
export const illustrativeValuationRates = [
  { track: 'general', sarPerHour: 35 },
  { track: 'skills', sarPerHour: 60 },
  { track: 'professional', sarPerHour: 120 },
  ...Object.entries({
    doctor: 250, nurse: 110, pharmacist: 130, paramedic: 90, psychologist: 150, 'social-worker': 80, teacher: 90, lawyer: 220,
    accountant: 140, engineer: 160, architect: 160, 'software-developer': 170, 'data-analyst': 150, designer: 120, translator: 100,
    'marketing-specialist': 120, 'project-manager': 160, 'hr-specialist': 110, electrician: 70, photographer: 90,
  }).map(([profession, sarPerHour]) => ({ profession, sarPerHour })),
].map((rate) => ({ ...rate, effectiveFrom: '2025-01-01' }));

const valuationRatesStep: SeedStep = {
  name: 'valuation',
  needs: ['PUT /v1/valuation-rates', 'GET /v1/valuation-rates'],
  sequential: true,
  plan: () => [
    async () => {
      const admin = await token({ sub: 'seed-ministry-admin', groups: ['ministry-admin'], email: 'admin@example.sa' });
      const current = await api('GET', '/v1/valuation-rates', { token: admin });
      if (current.status !== 200) throw new SeedError(`GET /v1/valuation-rates answered ${current.status}`, current);
      if (Array.isArray(current.body?.rates) && current.body.rates.length > 0) return 'existing';
      const put = await api('PUT', '/v1/valuation-rates', { token: admin, body: { rates: illustrativeValuationRates } });
      if (put.status !== 200) throw new SeedError(`PUT /v1/valuation-rates answered ${put.status}`, put);
      return 'created';
    },
  ],
};

const steps: readonly SeedStep[] = [volunteersStep, organizationsStep, opportunitiesStep, valuationRatesStep];

// ── Runner ────────────────────────────────────────────────────────────────────

const servedOperations = async (): Promise<Set<string> | undefined> => {
  const reply = await api('GET', '/openapi.json');
  if (reply.status !== 200 || !reply.body?.paths) return undefined;
  const paths = reply.body.paths as Record<string, Record<string, unknown>>;
  return new Set(Object.entries(paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)));
};

const runTasks = async (tasks: Array<() => Promise<Outcome>>, tally: Tally, bar: SingleBar, parallel: number): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      try {
        tally[await task()] += 1;
      } catch (error) {
        tally.failed += 1;
        tally.errors.push((error as Error).message);
      }
      bar.increment(1, { ...tally });
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, tasks.length) }, worker));
};

const main = async (): Promise<number> => {
  const health = await api('GET', '/health').catch(() => undefined);
  if (health?.status !== 200) {
    console.error(`No Tatawwu platform answers at ${API_URL}. Start it with \`npm start\` (or set API_URL).`);
    return 1;
  }
  const served = await servedOperations();
  console.log(`Seeding ${API_URL} (seed ${SEED})`);
  const made: SeedContext['made'] = { organizations: [] };
  const summary: Array<{ step: string } & Partial<Tally> & { skipped?: string }> = [];
  for (const step of steps) {
    const missing = served ? step.needs.filter((need) => !served.has(need)) : [];
    if (missing.length > 0) {
      summary.push({ step: step.name, skipped: `the platform does not serve ${missing.join(', ')}` });
      continue;
    }
    const tasks = await step.plan({ random: stepRandom(step.name), made });
    const tally: Tally = { created: 0, existing: 0, failed: 0, errors: [] };
    const bar = new SingleBar(
      { format: `  ${step.name.padEnd(14)} [{bar}] {value}/{total}  {created} new, {existing} already there, {failed} failed`, hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(tasks.length, 0, { ...tally });
    await runTasks(tasks, tally, bar, step.sequential ? 1 : CONCURRENCY);
    bar.stop();
    summary.push({ step: step.name, ...tally });
  }

  console.log('\nSummary');
  for (const line of summary) {
    if (line.skipped) console.log(`  ${line.step.padEnd(14)} skipped: ${line.skipped}`);
    else console.log(`  ${line.step.padEnd(14)} ${line.created} created, ${line.existing} already there, ${line.failed} failed`);
  }
  const errors = summary.flatMap((line) => line.errors ?? []);
  if (errors.length > 0) {
    console.log(`\nFailures (first ${Math.min(10, errors.length)} of ${errors.length}):`);
    for (const error of errors.slice(0, 10)) console.log(`  - ${error}`);
  }
  console.log(`\nTry: curl -s '${API_URL}/v1/opportunities?city=riyadh'   ·   sign in as a demo volunteer: POST ${API_URL}/local/token {"sub":"seed-volunteer-001","groups":["volunteer"]}`);
  return errors.length > 0 ? 1 : 0;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`seed failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
