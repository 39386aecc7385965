/**
 * The demo data of `npm run seed` (infra/local/seed.ts), drawn from a seeded PRNG with no I/O,
 * so that what the seed sends can also be measured without a platform (test/bench/
 * matching-coverage.bench.ts: how many seeded volunteers matching finds something for).
 * Each seed step draws from its own stream, `stepRandom(step)`.
 */
import { causes, type Cause } from '../../shared/domain/reference/causes.js';
import { cities, type City } from '../../shared/domain/reference/cities.js';
import { professions, type Profession } from '../../shared/domain/reference/professions.js';

export const SEED = Number(process.env.SEED ?? 20250923);
export const VOLUNTEERS = Number(process.env.VOLUNTEERS ?? 200);
export const ORGANIZATIONS = 12;
export const OPPORTUNITIES_PER_ORG = 5;

// ── Deterministic randomness ──────────────────────────────────────────────────
/** mulberry32: tiny, fast, good enough for demo data, and the same on every machine. */
export const prng = (seed: number) => {
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
export type Random = ReturnType<typeof prng>;

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
export const mobile = (random: Random): string => `+9665${random.pick(['0', '3', '4', '5', '6', '8', '9'])}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;

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

/**
 * Skills and professions are drawn more often from those the opportunity templates ask for
 * (first aid, crowd management, tutoring… nurses, teachers, translators), as people who sign
 * up to volunteer tend to have them, the rest from the whole list.
 */
const drawSkills = (random: Random): string[] => {
  const asked = [...new Set(Object.values(opportunityTemplates).flatMap((list) => list.flatMap((t) => t.skills)))];
  return [...new Set(Array.from({ length: random.int(1, 4) }, () => random.pick(random.chance(0.6) ? asked : skillNames)))];
};
const drawProfessions = (random: Random): Profession[] => {
  const asked = [...new Set(Object.values(opportunityTemplates).flatMap((list) => list.flatMap((t) => t.professions)))];
  return [...new Set(Array.from({ length: random.int(0, 2) }, () => random.pick(random.chance(0.5) ? asked : professionIds)))];
};

export const volunteer = (random: Random, index: number, usedIds: Set<string>): SeedVolunteer => {
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
  // Most people can give two to five days a week, in one slot of the day (issue 11: with one
  // to three days, the weekly-availability rule alone left most of the demo without a match).
  const days = random.some(weekdays, 2, 5);
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
      skills: drawSkills(random).map((name) => ({ name, level: random.pick(levels) })),
      professions: drawProfessions(random),
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
/** `remoteShare`: the share of the organisation's opportunities done online (open to volunteers anywhere). */
export const organizationNames: ReadonlyArray<{ name: Name; city: string; causes: Cause[]; remoteShare?: number }> = [
  { name: ['جمعية البر الخيرية بالرياض', 'Al-Birr Charitable Society, Riyadh'], city: 'riyadh', causes: ['social-welfare', 'elderly-care'] },
  { name: ['جمعية إنسان لرعاية الأيتام', 'Insan Society for Orphan Care'], city: 'riyadh', causes: ['youth-and-children', 'education'] },
  { name: ['الهلال الأحمر - متطوعو جدة', 'Red Crescent Volunteers, Jeddah'], city: 'jeddah', causes: ['health', 'emergency-relief'] },
  { name: ['جمعية خدمة ضيوف الرحمن', 'Guests of Rahman Service Society'], city: 'makkah', causes: ['hajj-and-umrah', 'events-and-tourism'] },
  { name: ['جمعية طيبة للتراث', 'Taibah Heritage Society'], city: 'madinah', causes: ['culture-and-heritage', 'events-and-tourism'] },
  { name: ['جمعية البيئة بالمنطقة الشرقية', 'Eastern Province Environment Society'], city: 'dammam', causes: ['environment'] },
  { name: ['جمعية شفاء الصحية بالخبر', 'Shifa Health Society, Al Khobar'], city: 'khobar', causes: ['health', 'people-with-disabilities'] },
  { name: ['نادي أبها التطوعي للرياضة', 'Abha Volunteer Sports Club'], city: 'abha', causes: ['sports', 'youth-and-children'] },
  { name: ['جمعية تقنية للتطوع الرقمي', 'Tiqniah Digital Volunteering Society'], city: 'riyadh', causes: ['technology', 'education'], remoteShare: 0.5 },
  { name: ['جمعية العون القانوني بالقصيم', 'Qassim Legal Aid Society'], city: 'buraydah', causes: ['legal-aid', 'social-welfare'] },
  { name: ['جمعية أصدقاء البحر بينبع', 'Friends of the Sea, Yanbu'], city: 'yanbu', causes: ['environment', 'sports'] },
  { name: ['جمعية رعاية كبار السن بتبوك', 'Tabuk Elderly Care Society'], city: 'tabuk', causes: ['elderly-care', 'health'] },
];

const opportunityTemplates: Record<Cause, ReadonlyArray<{ title: Name; description: Name; skills: string[]; professions: Profession[] }>> = {
  health: [
    { title: ['حملة التبرع بالدم', 'Blood donation drive'], description: ['استقبال المتبرعين وتنظيم الدور ومساندة الفريق الطبي.', 'Welcome donors, manage the queue and support the medical team.'], skills: ['first-aid', 'crowd-management'], professions: [] },
    { title: ['يوم الفحص الصحي المجاني', 'Free health screening day'], description: ['قياس الضغط والسكر وتوعية الزوار بأنماط الحياة الصحية.', 'Blood pressure and glucose checks, and healthy-lifestyle advice for visitors.'], skills: ['first-aid'], professions: ['nurse', 'doctor'] },
  ],
  education: [
    { title: ['دروس تقوية للطلاب', 'After-school tutoring'], description: ['مساعدة طلاب المرحلة المتوسطة في الرياضيات والعلوم.', 'Help middle-school students with mathematics and science.'], skills: ['tutoring'], professions: [] },
  ],
  environment: [
    { title: ['تنظيف الشاطئ', 'Beach clean-up'], description: ['جمع النفايات من الشاطئ وفرزها للتدوير وتوعية الزوار.', 'Collect and sort litter for recycling and raise awareness among visitors.'], skills: [], professions: [] },
    { title: ['حملة تشجير', 'Tree planting campaign'], description: ['زراعة شتلات محلية في الحدائق العامة وريّها.', 'Plant and water native saplings in public parks.'], skills: [], professions: [] },
  ],
  'social-welfare': [
    { title: ['توزيع السلال الغذائية', 'Food basket distribution'], description: ['تجهيز السلال الغذائية وتوزيعها على الأسر المستحقة.', 'Pack food baskets and deliver them to families in need.'], skills: [], professions: [] },
  ],
  'elderly-care': [
    { title: ['زيارة دار المسنين', 'Elderly home visits'], description: ['قضاء وقت مع كبار السن ومشاركتهم الأنشطة الترفيهية.', 'Spend time with elderly residents and join their recreational activities.'], skills: ['elderly-support'], professions: [] },
  ],
  'people-with-disabilities': [
    { title: ['مرافقة ذوي الإعاقة في الفعاليات', 'Accessibility companions at events'], description: ['مرافقة الزوار من ذوي الإعاقة وتسهيل تنقلهم.', 'Accompany visitors with disabilities and help them get around.'], skills: ['sign-language'], professions: [] },
  ],
  'youth-and-children': [
    { title: ['مخيم صيفي للأطفال', "Children's summer camp"], description: ['تنظيم أنشطة تعليمية وترفيهية للأطفال.', 'Run educational and fun activities for children.'], skills: ['child-care', 'event-organisation'], professions: [] },
  ],
  'hajj-and-umrah': [
    { title: ['إرشاد ضيوف الرحمن', 'Guiding pilgrims'], description: ['إرشاد الحجاج والمعتمرين وتسهيل حركتهم في المشاعر.', 'Guide pilgrims and help them move safely between the holy sites.'], skills: ['crowd-management', 'translation'], professions: [] },
  ],
  'emergency-relief': [
    { title: ['فريق الاستجابة للطوارئ', 'Emergency response team'], description: ['التدريب على الإسعافات الأولية والمساندة في حالات الطوارئ.', 'Train in first aid and support emergency operations.'], skills: ['first-aid', 'logistics'], professions: [] },
  ],
  'culture-and-heritage': [
    { title: ['الإرشاد في المواقع التراثية', 'Heritage site guiding'], description: ['تعريف الزوار بتاريخ المواقع التراثية باللغتين.', 'Introduce visitors to the history of heritage sites in both languages.'], skills: ['tour-guiding', 'public-speaking'], professions: [] },
  ],
  sports: [
    { title: ['تنظيم ماراثون المدينة', 'City marathon support'], description: ['تنظيم محطات المياه وتوجيه المتسابقين.', 'Run water stations and direct the runners.'], skills: [], professions: [] },
  ],
  technology: [
    { title: ['تدريب كبار السن على الخدمات الرقمية', 'Digital skills for seniors'], description: ['تعليم كبار السن استخدام التطبيقات الحكومية.', 'Teach seniors to use government apps and services.'], skills: ['tutoring', 'web-development'], professions: [] },
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
export const anchor = (now: Date = new Date()): Date => {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
};

export const opportunity = (random: Random, org: (typeof organizationNames)[number], start: Date) => {
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
    ...(org.remoteShare && random.chance(org.remoteShare) && { remote: true }),
    requiresApproval: random.chance(0.5),
    ...(random.chance(0.3) && { minAge: random.pick([16, 18]) }),
    shifts,
  };
};

/** FNV-1a, to derive each step's PRNG seed from its name. */
export const hash = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/** The PRNG stream of one seed step (its name picks the stream). */
export const stepRandom = (step: string): Random => prng(SEED ^ hash(step));
