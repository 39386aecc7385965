/**
 * Volunteer registry operations. Who may call them:
 * - `POST /v1/volunteers`: any signed-in user (a valid token, no group): this is how a user
 *   becomes a volunteer. Membership of the `volunteer` group is granted afterwards in Cognito
 *   (the client then refreshes its token).
 * - `/v1/volunteers/me…`: group `volunteer`; each caller only ever sees their own profile.
 * - `GET /v1/charter`, `GET /v1/guide`: public (`auth: 'none'`).
 */
import { AcceptCharter, Charter, CharterAcceptance, Guide } from '../../../shared/domain/volunteers/documents/schema.js';
import { RegisteredVolunteer, RegisterVolunteer, UpdateVolunteer, VolunteerProfile } from '../../../shared/domain/volunteers/schema.js';
import { defineOperation } from '../operation.js';

const tags = ['volunteers'];

// Examples are plain literals (no spreads, no calls), so that a handler's bundle can drop the
// specs of the other operations of this file.
const registration = {
  nameAr: 'هدى الحربي',
  nameEn: 'Huda Alharbi',
  nationalId: '1098765439',
  birthDate: '1996-05-14',
  email: 'huda.alharbi@example.com',
  phone: '+966501234567',
  city: 'jeddah',
  location: { lat: 21.5433, lon: 39.1728 },
  skills: [{ name: 'first-aid', level: 'advanced' }],
  professions: ['nurse'],
  languages: ['ar', 'en'],
  availability: [{ day: 'fri', from: '16:00', to: '22:00' }],
  interests: ['health'],
  preferences: { email: true, sms: true, locale: 'ar', quietHours: { from: '22:00', to: '07:00' } },
};
const profile = {
  id: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77',
  nameAr: 'هدى الحربي',
  nameEn: 'Huda Alharbi',
  birthDate: '1996-05-14',
  email: 'huda.alharbi@example.com',
  phone: '+966501234567',
  city: 'jeddah',
  location: { lat: 21.5433, lon: 39.1728 },
  skills: [{ name: 'first-aid', level: 'advanced' }],
  professions: ['nurse'],
  languages: ['ar', 'en'],
  availability: [{ day: 'fri', from: '16:00', to: '22:00' }],
  interests: ['health'],
  preferences: { email: true, sms: true, locale: 'ar', quietHours: { from: '22:00', to: '07:00' } },
  nationalIdMasked: '******5439',
  consent: { email: { granted: true, changedAt: '2026-04-12T12:15:01+03:00' }, sms: { granted: true, changedAt: '2026-04-12T12:15:01+03:00' } },
  acceptedCharterVersion: '2026-1',
  charterAcceptedAt: '2026-04-12T12:20:00+03:00',
  createdAt: '2026-04-12T12:15:01+03:00',
  updatedAt: '2026-04-12T12:20:00+03:00',
  age: 29,
};
const acceptance = { version: '2026-1', acceptedAt: '2026-04-12T12:20:00+03:00' };
const principle = {
  id: 'integrity',
  titleAr: 'النزاهة والأمانة',
  titleEn: 'Integrity and honesty',
  textAr: 'أؤدي ما أُكلَّف به بصدق وأمانة.',
  textEn: 'I carry out what I am entrusted with truthfully and honestly.',
};

export const registerVolunteer = /* @__PURE__ */ defineOperation({
  id: 'RegisterVolunteer',
  method: 'POST',
  path: '/v1/volunteers',
  entry: 'functions/http/volunteers/register.ts',
  auth: 'required',
  request: { body: RegisterVolunteer },
  idempotent: true,
  needs: ['table:write', 'events', 'national-id-pepper', 'cognito'],
  summary:
    "Create the caller's volunteer profile. Any signed-in user (no group needed). One profile per user and per national ID / iqama (409 otherwise). The national ID is stored only as a keyed hash and returned masked. A caller whose token has no `volunteer` group joins it in this request: the 201 then carries `tokenRefreshRequired: true` — refresh the token once (the `/me` routes answer 403 to the old one).",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 201: RegisteredVolunteer },
  errors: [400, 401, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { request: registration, response: profile },
});

export const getMyVolunteerProfile = /* @__PURE__ */ defineOperation({
  id: 'GetMyVolunteerProfile',
  method: 'GET',
  path: '/v1/volunteers/me',
  entry: 'functions/http/volunteers/get-me.ts',
  auth: 'required',
  groups: ['volunteer'],
  needs: ['table:read'],
  summary: "The caller's volunteer profile (group volunteer). 404 until the caller has registered.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: VolunteerProfile },
  errors: [401, 403, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { response: profile },
});

export const updateMyVolunteerProfile = /* @__PURE__ */ defineOperation({
  id: 'UpdateMyVolunteerProfile',
  method: 'PATCH',
  path: '/v1/volunteers/me',
  entry: 'functions/http/volunteers/update-me.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { body: UpdateVolunteer },
  needs: ['table:read', 'table:write', 'events'],
  summary:
    "Partial update of the caller's profile (group volunteer): the given top-level fields replace the stored ones; `nationalId` cannot be changed. Changes of the email/SMS consent are recorded with their time.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: VolunteerProfile },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    request: { city: 'makkah', preferences: { email: true, sms: false, locale: 'en' } },
    response: {
      id: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77',
      nameAr: 'هدى الحربي',
      nameEn: 'Huda Alharbi',
      birthDate: '1996-05-14',
      email: 'huda.alharbi@example.com',
      phone: '+966501234567',
      city: 'makkah',
      skills: [{ name: 'first-aid', level: 'advanced' }],
      professions: ['nurse'],
      languages: ['ar', 'en'],
      availability: [{ day: 'fri', from: '16:00', to: '22:00' }],
      interests: ['health'],
      preferences: { email: true, sms: false, locale: 'en' },
      nationalIdMasked: '******5439',
      consent: { email: { granted: true, changedAt: '2026-04-12T12:15:01+03:00' }, sms: { granted: false, changedAt: '2026-05-02T09:00:00+03:00' } },
      createdAt: '2026-04-12T12:15:01+03:00',
      updatedAt: '2026-05-02T09:00:00+03:00',
      age: 29,
    },
  },
});

export const acceptCharter = /* @__PURE__ */ defineOperation({
  id: 'AcceptCharter',
  method: 'POST',
  path: '/v1/volunteers/me/charter-acceptances',
  entry: 'functions/http/volunteers/accept-charter.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { body: AcceptCharter },
  idempotent: true,
  needs: ['table:read', 'table:write'],
  summary:
    'Accept the current ethics charter (group volunteer). 201 when recorded; 200 with the original acceptance time when that version was already accepted. An unknown or superseded version is a 422 on `version`.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: CharterAcceptance, 201: CharterAcceptance },
  errors: [400, 401, 403, 404, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { request: { version: '2026-1' }, response: acceptance },
});

export const getCharter = /* @__PURE__ */ defineOperation({
  id: 'GetCharter',
  method: 'GET',
  path: '/v1/charter',
  entry: 'functions/http/volunteers/get-charter.ts',
  auth: 'none',
  needs: [],
  memorySize: 128,
  summary: 'The current ethics charter, in Arabic and English (public).',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: Charter },
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    response: {
      version: '2026-1',
      publishedAt: '2026-03-01T00:00:00+03:00',
      titleAr: 'ميثاق أخلاقيات العمل التطوعي',
      titleEn: 'Volunteer Code of Ethics',
      textAr: 'ميثاق أخلاقيات العمل التطوعي\n١. النزاهة والأمانة: أؤدي ما أُكلَّف به بصدق وأمانة.',
      textEn: 'Volunteer Code of Ethics\n1. Integrity and honesty: I carry out what I am entrusted with truthfully and honestly.',
      principles: [principle],
    },
  },
});

export const getVolunteerGuide = /* @__PURE__ */ defineOperation({
  id: 'GetVolunteerGuide',
  method: 'GET',
  path: '/v1/guide',
  entry: 'functions/http/volunteers/get-guide.ts',
  auth: 'none',
  needs: [],
  memorySize: 128,
  summary: 'The volunteer guide: duties, responsibilities and rights, in Arabic and English (public).',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: Guide },
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    response: {
      version: '2026-1',
      publishedAt: '2026-03-01T00:00:00+03:00',
      titleAr: 'دليل المتطوع',
      titleEn: 'Volunteer guide',
      introAr: 'ما لك وما عليك في العمل التطوعي.',
      introEn: 'What you owe and what you are owed as a volunteer.',
      duties: [principle],
      responsibilities: [principle],
      rights: [principle],
    },
  },
});

export const volunteerOperations = [
  registerVolunteer,
  getMyVolunteerProfile,
  updateMyVolunteerProfile,
  acceptCharter,
  getCharter,
  getVolunteerGuide,
] as const;
