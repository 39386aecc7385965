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
import { causes, type Cause } from '../../shared/domain/reference/causes.js';
import { cities, type City } from '../../shared/domain/reference/cities.js';
import { professions, type Profession } from '../../shared/domain/reference/professions.js';

const API_URL = (process.env.API_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const SEED = Number(process.env.SEED ?? 20250923);
const VOLUNTEERS = Number(process.env.VOLUNTEERS ?? 200);
const ORGANIZATIONS = 12;
const OPPORTUNITIES_PER_ORG = 5;
const CONCURRENCY = 4;

// ── Deterministic randomness ──────────────────────────────────────────────────
/** mulberry32: tiny, fast, good enough for demo data, and the same on every machine. */
const prng = (seed: number) => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  const some = <T>(items: readonly T[], min: number, max: number): T[] => {
    const pool = [...items];
    const count = Math.min(pool.length, int(min, max));
    const chosen: T[] = [];
    for (let i = 0; i < count; i++) chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
    return chosen;
  };
  const weighted = <T>(items: ReadonlyArray<readonly [T, number]>): T => {
    let roll = next() * items.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [item, weight] of items) if ((roll -= weight) < 0) return item;
    return items[items.length - 1]![0];
  };
  return { next, int, pick, chance, some, weighted };
};
type Random = ReturnType<typeof prng>;

// ── Identity numbers ──────────────────────────────────────────────────────────
/** Standard Luhn check digit for a digit string (the digit that makes payload+digit pass). */
export const luhnDigit = (payload: string): number => {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    // From the right of the final number, the check digit is position 0, so payload digits at
    // odd positions from the right (the payload's last digit first) are doubled.
    let digit = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
};

/** A Saudi national ID (1…) or iqama (2…): nine digits and the Luhn check digit. */
const nationalId = (random: Random, resident: boolean): string => {
  const payload = `${resident ? 2 : 1}${Array.from({ length: 8 }, () => random.int(0, 9)).join('')}`;
  return `${payload}${luhnDigit(payload)}`;
};

/** A Saudi mobile number in E.164: +9665 then a valid operator digit and seven more. */
const mobile = (random: Random): string => `+9665${random.pick(['0', '3', '4', '5', '6', '8', '9'])}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;

// ── Names ─────────────────────────────────────────────────────────────────────
type Name = readonly [ar: string, en: string];
const maleNames: Name[] = [
  ['محمد', 'Mohammed'], ['عبدالله', 'Abdullah'], ['فهد', 'Fahad'], ['خالد', 'Khalid'], ['سلطان', 'Sultan'],
  ['عبدالرحمن', 'Abdulrahman'], ['فيصل', 'Faisal'], ['سعود', 'Saud'], ['تركي', 'Turki'], ['ناصر', 'Nasser'],
  ['عمر', 'Omar'], ['يوسف', 'Yousef'], ['إبراهيم', 'Ibrahim'], ['ماجد', 'Majed'], ['بندر', 'Bandar'],
  ['نواف', 'Nawaf'], ['راكان', 'Rakan'], ['زياد', 'Ziyad'], ['حمد', 'Hamad'], ['علي', 'Ali'],
];
const femaleNames: Name[] = [
  ['نورة', 'Noura'], ['سارة', 'Sarah'], ['ريم', 'Reem'], ['لمى', 'Lama'], ['هيفاء', 'Haifa'],
  ['منيرة', 'Munira'], ['العنود', 'Alanoud'], ['جود', 'Joud'], ['رهف', 'Rahaf'], ['دانة', 'Dana'],
  ['شهد', 'Shahad'], ['لجين', 'Lujain'], ['أمل', 'Amal'], ['هند', 'Hind'], ['مها', 'Maha'],
  ['غادة', 'Ghada'], ['فاطمة', 'Fatimah'], ['عائشة', 'Aisha'], ['مريم', 'Maryam'], ['ليان', 'Layan'],
];
const familyNames: Name[] = [
  ['العتيبي', 'Alotaibi'], ['القحطاني', 'Alqahtani'], ['الغامدي', 'Alghamdi'], ['الزهراني', 'Alzahrani'],
  ['الشمري', 'Alshammari'], ['الدوسري', 'Aldosari'], ['الحربي', 'Alharbi'], ['المطيري', 'Almutairi'],
  ['العنزي', 'Alanazi'], ['السبيعي', 'Alsubaie'], ['الشهري', 'Alshehri'], ['العمري', 'Alomari'],
  ['المالكي', 'Almalki'], ['الخالدي', 'Alkhalidi'], ['الرشيد', 'Alrasheed'], ['الجهني', 'Aljohani'],
  ['البلوي', 'Albalawi'], ['الأحمدي', 'Alahmadi'], ['الحارثي', 'Alharthi'], ['الفيفي', 'Alfaifi'],
  ['اليامي', 'Alyami'], ['الشهراني', 'Alshahrani'], ['التميمي', 'Altamimi'], ['السديري', 'Alsudairi'],
];
/** Residents (iqama holders): full names with the language they speak besides Arabic/English. */
const residents: ReadonlyArray<{ name: Name; language: string }> = [
  { name: ['أحمد حسن عبدالعزيز', 'Ahmed Hassan Abdelaziz'], language: 'ar' },
  { name: ['محمود سامي الشريف', 'Mahmoud Sami Elsherif'], language: 'ar' },
  { name: ['عمران خان', 'Imran Khan'], language: 'ur' },
  { name: ['بلال أحمد قريشي', 'Bilal Ahmed Qureshi'], language: 'ur' },
  { name: ['راهول شارما', 'Rahul Sharma'], language: 'hi' },
  { name: ['أنيتا مينون', 'Anitha Menon'], language: 'hi' },
  { name: ['ماريا سانتوس', 'Maria Santos'], language: 'tl' },
  { name: ['خوسيه ريس', 'Jose Reyes'], language: 'tl' },
  { name: ['رفيق الإسلام', 'Rafiqul Islam'], language: 'bn' },
  { name: ['سيتي نور حليزة', 'Siti Nurhaliza'], language: 'id' },
  { name: ['أمينة يوسف', 'Amina Yusuf'], language: 'sw' },
  { name: ['مهمت يلماز', 'Mehmet Yilmaz'], language: 'tr' },
];

const skillNames = [
  'first-aid', 'crowd-management', 'event-organisation', 'tutoring', 'translation', 'photography',
  'social-media', 'graphic-design', 'cooking', 'driving', 'fundraising', 'elderly-support', 'child-care',
  'sign-language', 'arabic-calligraphy', 'tour-guiding', 'logistics', 'data-entry', 'public-speaking',
  'web-development', 'sports-coaching', 'environmental-awareness', 'counselling', 'carpentry',
] as const;
const levels = ['beginner', 'intermediate', 'advanced', 'expert'] as const;
const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const slots = [['08:00', '12:00'], ['09:00', '13:00'], ['16:00', '20:00'], ['18:00', '22:00']] as const;
/** Bigger cities get more people (roughly by population). */
const cityWeight = (city: City): number => ({ riyadh: 12, jeddah: 9, makkah: 5, madinah: 4, dammam: 4 } as Record<string, number>)[city.id] ?? 1;

const causeIds = Object.keys(causes) as Cause[];
const professionIds = Object.keys(professions) as Profession[];

export interface SeedVolunteer {
  readonly sub: string;
  readonly email: string;
  readonly profile: Record<string, unknown>;
}

const volunteer = (random: Random, index: number, usedIds: Set<string>): SeedVolunteer => {
  const resident = random.chance(0.15) ? random.pick(residents) : undefined;
  const female = random.chance(0.5);
  const first = random.pick(female ? femaleNames : maleNames);
  const father = random.pick(maleNames);
  const family = random.pick(familyNames);
  const [nameAr, nameEn] = resident ? resident.name : [`${first[0]} ${father[0]} ${family[0]}`, `${first[1]} ${father[1]} ${family[1]}`];
  let id = nationalId(random, Boolean(resident));
  while (usedIds.has(id)) id = nationalId(random, Boolean(resident));
  usedIds.add(id);
  const city = random.weighted(cities.map((c) => [c, cityWeight(c)] as const));
  const age = random.int(16, 64);
  const birthDate = `${new Date().getUTCFullYear() - age - 1}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const languages = [...new Set(['ar', ...(random.chance(0.7) ? ['en'] : []), ...(resident ? [resident.language] : []), ...(random.chance(0.08) ? ['fr'] : [])])];
  const days = random.some(weekdays, 1, 3);
  const sub = `seed-volunteer-${String(index + 1).padStart(3, '0')}`;
  const email = `${nameEn.split(' ')[0]!.toLowerCase()}.${nameEn.split(' ').at(-1)!.toLowerCase()}.${index + 1}@example.sa`;
  return {
    sub,
    email,
    profile: {
      nationalId: id,
      nameAr,
      nameEn,
      birthDate,
      email,
      phone: mobile(random),
      city: city.id,
      ...(random.chance(0.6) && {
        location: { lat: Number((city.lat + (random.next() - 0.5) * 0.1).toFixed(5)), lon: Number((city.lon + (random.next() - 0.5) * 0.1).toFixed(5)) },
      }),
      skills: random.some(skillNames, 1, 4).map((name) => ({ name, level: random.pick(levels) })),
      professions: random.some(professionIds, 0, 2),
      languages,
      availability: days.map((day) => {
        const [from, to] = random.pick(slots);
        return { day, from, to };
      }),
      interests: random.some(causeIds, 1, 4),
      preferences: {
        email: random.chance(0.85),
        sms: random.chance(0.6),
        locale: resident || random.chance(0.25) ? 'en' : 'ar',
        ...(random.chance(0.4) && { quietHours: { from: '22:00', to: '07:00' } }),
      },
    },
  };
};

// ── Organisations and opportunities ───────────────────────────────────────────
const organizationNames: ReadonlyArray<{ name: Name; city: string; causes: Cause[] }> = [
  { name: ['جمعية البر الخيرية بالرياض', 'Al-Birr Charitable Society, Riyadh'], city: 'riyadh', causes: ['social-welfare', 'elderly-care'] },
  { name: ['جمعية إنسان لرعاية الأيتام', 'Insan Society for Orphan Care'], city: 'riyadh', causes: ['youth-and-children', 'education'] },
  { name: ['الهلال الأحمر - متطوعو جدة', 'Red Crescent Volunteers, Jeddah'], city: 'jeddah', causes: ['health', 'emergency-relief'] },
  { name: ['جمعية خدمة ضيوف الرحمن', 'Guests of Rahman Service Society'], city: 'makkah', causes: ['hajj-and-umrah', 'events-and-tourism'] },
  { name: ['جمعية طيبة للتراث', 'Taibah Heritage Society'], city: 'madinah', causes: ['culture-and-heritage', 'events-and-tourism'] },
  { name: ['جمعية البيئة بالمنطقة الشرقية', 'Eastern Province Environment Society'], city: 'dammam', causes: ['environment'] },
  { name: ['جمعية شفاء الصحية بالخبر', 'Shifa Health Society, Al Khobar'], city: 'khobar', causes: ['health', 'people-with-disabilities'] },
  { name: ['نادي أبها التطوعي للرياضة', 'Abha Volunteer Sports Club'], city: 'abha', causes: ['sports', 'youth-and-children'] },
  { name: ['جمعية تقنية للتطوع الرقمي', 'Tiqniah Digital Volunteering Society'], city: 'riyadh', causes: ['technology', 'education'] },
  { name: ['جمعية العون القانوني بالقصيم', 'Qassim Legal Aid Society'], city: 'buraydah', causes: ['legal-aid', 'social-welfare'] },
  { name: ['جمعية أصدقاء البحر بينبع', 'Friends of the Sea, Yanbu'], city: 'yanbu', causes: ['environment', 'sports'] },
  { name: ['جمعية رعاية كبار السن بتبوك', 'Tabuk Elderly Care Society'], city: 'tabuk', causes: ['elderly-care', 'health'] },
];

const opportunityTemplates: Record<Cause, ReadonlyArray<{ title: Name; description: Name; skills: string[]; professions: Profession[] }>> = {
  health: [
    { title: ['حملة التبرع بالدم', 'Blood donation drive'], description: ['استقبال المتبرعين وتنظيم الدور ومساندة الفريق الطبي.', 'Welcome donors, manage the queue and support the medical team.'], skills: ['first-aid', 'crowd-management'], professions: ['nurse'] },
    { title: ['يوم الفحص الصحي المجاني', 'Free health screening day'], description: ['قياس الضغط والسكر وتوعية الزوار بأنماط الحياة الصحية.', 'Blood pressure and glucose checks, and healthy-lifestyle advice for visitors.'], skills: ['first-aid'], professions: ['nurse', 'doctor'] },
  ],
  education: [
    { title: ['دروس تقوية للطلاب', 'After-school tutoring'], description: ['مساعدة طلاب المرحلة المتوسطة في الرياضيات والعلوم.', 'Help middle-school students with mathematics and science.'], skills: ['tutoring'], professions: ['teacher'] },
  ],
  environment: [
    { title: ['تنظيف الشاطئ', 'Beach clean-up'], description: ['جمع النفايات من الشاطئ وفرزها للتدوير وتوعية الزوار.', 'Collect and sort litter for recycling and raise awareness among visitors.'], skills: ['environmental-awareness'], professions: [] },
    { title: ['حملة تشجير', 'Tree planting campaign'], description: ['زراعة شتلات محلية في الحدائق العامة وريّها.', 'Plant and water native saplings in public parks.'], skills: ['environmental-awareness'], professions: [] },
  ],
  'social-welfare': [
    { title: ['توزيع السلال الغذائية', 'Food basket distribution'], description: ['تجهيز السلال الغذائية وتوزيعها على الأسر المستحقة.', 'Pack food baskets and deliver them to families in need.'], skills: ['logistics', 'driving'], professions: [] },
  ],
  'elderly-care': [
    { title: ['زيارة دار المسنين', 'Elderly home visits'], description: ['قضاء وقت مع كبار السن ومشاركتهم الأنشطة الترفيهية.', 'Spend time with elderly residents and join their recreational activities.'], skills: ['elderly-support'], professions: ['social-worker'] },
  ],
  'people-with-disabilities': [
    { title: ['مرافقة ذوي الإعاقة في الفعاليات', 'Accessibility companions at events'], description: ['مرافقة الزوار من ذوي الإعاقة وتسهيل تنقلهم.', 'Accompany visitors with disabilities and help them get around.'], skills: ['sign-language'], professions: [] },
  ],
  'youth-and-children': [
    { title: ['مخيم صيفي للأطفال', "Children's summer camp"], description: ['تنظيم أنشطة تعليمية وترفيهية للأطفال.', 'Run educational and fun activities for children.'], skills: ['child-care', 'event-organisation'], professions: ['teacher'] },
  ],
  'hajj-and-umrah': [
    { title: ['إرشاد ضيوف الرحمن', 'Guiding pilgrims'], description: ['إرشاد الحجاج والمعتمرين وتسهيل حركتهم في المشاعر.', 'Guide pilgrims and help them move safely between the holy sites.'], skills: ['crowd-management', 'translation'], professions: ['translator'] },
  ],
  'emergency-relief': [
    { title: ['فريق الاستجابة للطوارئ', 'Emergency response team'], description: ['التدريب على الإسعافات الأولية والمساندة في حالات الطوارئ.', 'Train in first aid and support emergency operations.'], skills: ['first-aid', 'logistics'], professions: ['paramedic'] },
  ],
  'culture-and-heritage': [
    { title: ['الإرشاد في المواقع التراثية', 'Heritage site guiding'], description: ['تعريف الزوار بتاريخ المواقع التراثية باللغتين.', 'Introduce visitors to the history of heritage sites in both languages.'], skills: ['tour-guiding', 'public-speaking'], professions: [] },
  ],
  sports: [
    { title: ['تنظيم ماراثون المدينة', 'City marathon support'], description: ['تنظيم محطات المياه وتوجيه المتسابقين.', 'Run water stations and direct the runners.'], skills: ['event-organisation', 'crowd-management'], professions: [] },
  ],
  technology: [
    { title: ['تدريب كبار السن على الخدمات الرقمية', 'Digital skills for seniors'], description: ['تعليم كبار السن استخدام التطبيقات الحكومية.', 'Teach seniors to use government apps and services.'], skills: ['tutoring', 'web-development'], professions: ['software-developer'] },
  ],
  'legal-aid': [
    { title: ['عيادة الاستشارات القانونية', 'Legal advice clinic'], description: ['تقديم استشارات قانونية مجانية للأسر ذات الدخل المحدود.', 'Free legal advice for low-income families.'], skills: ['counselling'], professions: ['lawyer'] },
  ],
  'events-and-tourism': [
    { title: ['استقبال زوار موسم الفعاليات', 'Welcoming festival visitors'], description: ['استقبال الزوار والإجابة عن أسئلتهم وتوجيههم.', 'Welcome visitors, answer their questions and point the way.'], skills: ['public-speaking', 'translation'], professions: [] },
  ],
};

/**
 * Shifts are dated from the first day of next month, so the same seed gives the same bodies
 * (and so the same idempotent replies) all month, and every shift is in the future.
 */
const anchor = (): Date => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
};

const opportunity = (random: Random, org: (typeof organizationNames)[number], start: Date) => {
  const category = random.pick(org.causes);
  const template = random.pick(opportunityTemplates[category]);
  const city = cities.find((c) => c.id === org.city)!;
  const firstDay = random.int(1, 25);
  const shifts = Array.from({ length: random.int(1, 3) }, (_, i) => {
    const begins = new Date(start.getTime() + (firstDay + i * 7) * 86_400_000 + random.pick([5, 6, 13, 15]) * 3_600_000);
    return {
      start: begins.toISOString(),
      end: new Date(begins.getTime() + random.int(3, 5) * 3_600_000).toISOString(),
      capacity: random.pick([5, 10, 15, 20, 30, 50]),
    };
  });
  return {
    titleAr: template.title[0],
    titleEn: template.title[1],
    descriptionAr: template.description[0],
    descriptionEn: template.description[1],
    category,
    city: org.city,
    location: { lat: Number((city.lat + (random.next() - 0.5) * 0.05).toFixed(5)), lon: Number((city.lon + (random.next() - 0.5) * 0.05).toFixed(5)) },
    skills: template.skills,
    professions: template.professions,
    requiresApproval: random.chance(0.5),
    ...(random.chance(0.3) && { minAge: random.pick([16, 18]) }),
    shifts,
  };
};

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
/** FNV-1a, to derive each step's PRNG seed from its name. */
const hash = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

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
    const tasks = await step.plan({ random: prng(SEED ^ hash(step.name)), made });
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
