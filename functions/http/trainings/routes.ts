/**
 * Training operations (issue 13). Who may call them:
 * - create: an organisation's managers (`POST /v1/organizations/{orgId}/trainings`); national
 *   modules by ministry-admins (`POST /v1/trainings`);
 * - edit (`PUT /v1/trainings/{id}`: a new version when the latest is published), publish a
 *   draft: the module's authors;
 * - read: any signed-in caller (the live version, never the answers); authors see drafts;
 * - attempts: volunteers (graded server-side, 3 per rolling 24 h); confirmations of practical
 *   modules: the owning organisation's managers;
 * - `GET /v1/volunteers/me/trainings`: the caller's completions with their expiry.
 */
import { OrgPath } from '../../../shared/domain/organizations/schema.js';
import {
  AttemptInput,
  AttemptResult,
  CompletionList,
  CompletionView,
  ConfirmPractical,
  CreatedTraining,
  CreateNationalTraining,
  CreateTraining,
  TrainingPath,
  TrainingView,
  UpdateTraining,
} from '../../../shared/domain/training/schema.js';
import { defineOperation } from '../operation.js';

const tags = ['training'];

const example = {
  titleAr: 'الإسعافات الأولية',
  titleEn: 'First aid basics',
  contentAr: 'أساسيات الإسعافات الأولية في الفعاليات.',
  contentEn: 'First aid basics at events.',
  links: [{ kind: 'video', url: 'https://videos.example.sa/first-aid' }],
  questions: [{ textAr: 'رقم الإسعاف؟', textEn: 'Ambulance number?', options: [{ ar: '٩٩٧', en: '997' }, { ar: '٩٩٩', en: '999' }], answer: 0 }],
  passMark: 80,
  validityDays: 365,
};

export const createTraining = /* @__PURE__ */ defineOperation({
  id: 'CreateTraining',
  method: 'POST',
  path: '/v1/organizations/{orgId}/trainings',
  entry: 'functions/http/trainings/create.ts',
  auth: 'required',
  groups: ['org-manager'],
  request: { path: OrgPath, body: CreateTraining },
  idempotent: true,
  needs: ['table:read', 'table:write'],
  summary:
    "Author a training module of the organisation (its managers): bilingual title and content, links to videos or documents, an optional quiz (`answer`: index of the right option), `passMark` (percent), `validityDays` (null: never expires), `practical` (a manager confirms completion instead of a quiz). Published at once unless `draft: true`. The id goes into an opportunity's `trainingModules`.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 201: CreatedTraining },
  errors: [400, 401, 403, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { path: { orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV' }, request: example, response: { id: '01js1q2w3e4r5t6y7u8i9o0p1a', version: 1, status: 'published' } },
});

export const createNationalTraining = /* @__PURE__ */ defineOperation({
  id: 'CreateNationalTraining',
  method: 'POST',
  path: '/v1/trainings',
  entry: 'functions/http/trainings/create-national.ts',
  auth: 'required',
  groups: ['ministry-admin'],
  request: { body: CreateNationalTraining },
  idempotent: true,
  needs: ['table:read', 'table:write'],
  summary: 'Author a national training module any organisation may require (ministry-admin), e.g. the ethics charter course; may carry a chosen `id` such as `ethics-charter` (409 when taken).',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 201: CreatedTraining },
  errors: [400, 401, 403, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    request: {
      id: 'ethics-charter',
      titleAr: 'ميثاق أخلاقيات العمل التطوعي',
      titleEn: 'Volunteering ethics charter',
      contentAr: 'مبادئ العمل التطوعي: احترام المستفيدين، وحفظ خصوصيتهم، والالتزام بالمواعيد، وعدم قبول أي مقابل مادي.',
      contentEn: 'The principles of volunteering: respect for beneficiaries, their privacy, punctuality, and never accepting payment.',
      links: [{ kind: 'document', url: 'https://tatawwu.example.sa/docs/ethics-charter.pdf', titleAr: 'نص الميثاق', titleEn: 'The charter' }],
      questions: [
        {
          textAr: 'عرضت عليك أسرة مستفيدة مبلغاً مالياً شكراً لك. ماذا تفعل؟',
          textEn: 'A family you helped offers you money as thanks. What do you do?',
          options: [
            { ar: 'أعتذر بلطف عن قبوله', en: 'Politely decline it' },
            { ar: 'أقبله وأتبرع به', en: 'Accept it and donate it' },
          ],
          answer: 0,
        },
      ],
      passMark: 100,
      validityDays: null,
    },
    response: { id: 'ethics-charter', version: 1, status: 'published' },
  },
});

export const updateTraining = /* @__PURE__ */ defineOperation({
  id: 'UpdateTraining',
  method: 'PUT',
  path: '/v1/trainings/{id}',
  entry: 'functions/http/trainings/update.ts',
  auth: 'required',
  groups: ['org-manager', 'ministry-admin'],
  request: { path: TrainingPath, body: UpdateTraining },
  needs: ['table:read', 'table:write'],
  summary:
    "Edit a module (its authors): when its latest version is published, the edit becomes version n + 1, live at once (completions keep the version they were for); a draft is replaced in place. 409 `training-changed` when another edit landed meanwhile.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: CreatedTraining },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { id: '01js1q2w3e4r5t6y7u8i9o0p1a' },
    request: {
      titleAr: 'الإسعافات الأولية',
      titleEn: 'First aid basics',
      contentAr: 'أساسيات الإسعافات الأولية في الفعاليات، مع التعامل مع ضربات الشمس في الأماكن المفتوحة.',
      contentEn: 'First aid basics at events, including heatstroke at outdoor sites.',
      links: [{ kind: 'video', url: 'https://videos.example.sa/first-aid' }],
      questions: [{ textAr: 'رقم الإسعاف؟', textEn: 'Ambulance number?', options: [{ ar: '٩٩٧', en: '997' }, { ar: '٩٩٩', en: '999' }], answer: 0 }],
      passMark: 80,
      validityDays: 365,
    },
    response: { id: '01js1q2w3e4r5t6y7u8i9o0p1a', version: 2, status: 'draft' },
  },
});

export const publishTraining = /* @__PURE__ */ defineOperation({
  id: 'PublishTraining',
  method: 'POST',
  path: '/v1/trainings/{id}/publish',
  entry: 'functions/http/trainings/publish.ts',
  auth: 'required',
  groups: ['org-manager', 'ministry-admin'],
  request: { path: TrainingPath },
  needs: ['table:read', 'table:write'],
  summary: 'Publish the draft version of a module (its authors); without a draft, answers the live version.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: CreatedTraining },
  errors: [400, 401, 403, 404, 409],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { path: { id: '01js1q2w3e4r5t6y7u8i9o0p1a' }, response: { id: '01js1q2w3e4r5t6y7u8i9o0p1a', version: 2, status: 'published' } },
});

export const getTraining = /* @__PURE__ */ defineOperation({
  id: 'GetTraining',
  method: 'GET',
  path: '/v1/trainings/{id}',
  entry: 'functions/http/trainings/get.ts',
  auth: 'required',
  request: { path: TrainingPath },
  needs: ['table:read'],
  summary: 'A module: the live version without the answers (any signed-in caller); its authors get the latest version, draft included, with the answers. Never published: 404 except for its authors.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: TrainingView },
  errors: [400, 401, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { id: '01js1q2w3e4r5t6y7u8i9o0p1a' },
    response: {
      id: '01js1q2w3e4r5t6y7u8i9o0p1a',
      orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
      national: false,
      version: 2,
      status: 'published',
      titleAr: 'الإسعافات الأولية',
      titleEn: 'First aid basics',
      contentAr: 'أساسيات الإسعافات الأولية في الفعاليات، مع التعامل مع ضربات الشمس في الأماكن المفتوحة.',
      contentEn: 'First aid basics at events, including heatstroke at outdoor sites.',
      links: [{ kind: 'video', url: 'https://videos.example.sa/first-aid' }],
      questions: [{ textAr: 'رقم الإسعاف؟', textEn: 'Ambulance number?', options: [{ ar: '٩٩٧', en: '997' }, { ar: '٩٩٩', en: '999' }] }],
      passMark: 80,
      validityDays: 365,
      practical: false,
      publishedAt: '2027-02-01T08:00:00.000Z',
    },
  },
});

export const attemptTraining = /* @__PURE__ */ defineOperation({
  id: 'AttemptTraining',
  method: 'POST',
  path: '/v1/trainings/{id}/attempts',
  entry: 'functions/http/trainings/attempt.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { path: TrainingPath, body: AttemptInput },
  needs: ['table:read', 'table:write'],
  summary:
    'Answer the quiz of the live version (volunteers): graded here, `{ score, passed, validUntil? }`. A pass records the completion (TrainingCompleted). At most 3 attempts in any 24 hours (429 `attempts-exhausted` with the time the next is allowed), whatever the concurrency; `version` (optional) guards against an edit meanwhile (409). Practical modules: 409.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: AttemptResult },
  errors: [400, 401, 403, 404, 409, 422, 429],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { path: { id: '01js1q2w3e4r5t6y7u8i9o0p1a' }, request: { answers: [0], version: 1 }, response: { score: 100, passed: true, version: 1, validUntil: '2027-04-18T10:15:00.000Z', attemptsLeft: 2 } },
});

export const confirmTraining = /* @__PURE__ */ defineOperation({
  id: 'ConfirmTraining',
  method: 'POST',
  path: '/v1/trainings/{id}/confirmations',
  entry: 'functions/http/trainings/confirm.ts',
  auth: 'required',
  groups: ['org-manager', 'ministry-admin'],
  request: { path: TrainingPath, body: ConfirmPractical },
  needs: ['table:read', 'table:write'],
  summary:
    "Confirm that a volunteer completed a practical module (the owning organisation's managers; national modules: any manager or a ministry-admin). Records the completion of the live version (TrainingCompleted). A quiz module: 409.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: CompletionView },
  errors: [400, 401, 403, 404, 409, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { id: '01js4k8m2n6p0q4r8s2t6v0w4x' },
    request: { volunteerId: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77', note: 'أتقنت تثبيت المصاب ونقله على النقالة — stretcher handling done right' },
    response: {
      trainingId: '01js4k8m2n6p0q4r8s2t6v0w4x',
      version: 1,
      completedAt: '2027-02-27T12:05:00.000Z',
      validUntil: '2029-02-27T12:05:00.000Z',
      valid: true,
      method: 'practical',
      titleAr: 'نقل المصابين بالنقالة',
      titleEn: 'Stretcher handling',
    },
  },
});

export const listMyTrainings = /* @__PURE__ */ defineOperation({
  id: 'ListMyTrainings',
  method: 'GET',
  path: '/v1/volunteers/me/trainings',
  entry: 'functions/http/trainings/list-mine.ts',
  auth: 'required',
  groups: ['volunteer'],
  needs: ['table:read'],
  summary: "The caller's training completions (volunteers): the version completed, `validUntil` (absent: never expires) and whether it is still `valid`.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: CompletionList },
  errors: [401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    response: {
      items: [
        {
          trainingId: '01js1q2w3e4r5t6y7u8i9o0p1a',
          version: 2,
          completedAt: '2027-02-20T17:40:00.000Z',
          validUntil: '2028-02-20T17:40:00.000Z',
          valid: true,
          method: 'quiz',
          score: 100,
          titleAr: 'الإسعافات الأولية',
          titleEn: 'First aid basics',
        },
        { trainingId: 'ethics-charter', version: 1, completedAt: '2026-11-03T19:12:00.000Z', valid: true, method: 'quiz', score: 100, titleAr: 'ميثاق أخلاقيات العمل التطوعي', titleEn: 'Volunteering ethics charter' },
      ],
    },
  },
});

export const trainingOperations = [
  createTraining,
  createNationalTraining,
  updateTraining,
  publishTraining,
  getTraining,
  attemptTraining,
  confirmTraining,
  listMyTrainings,
] as const;
