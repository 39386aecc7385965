/**
 * Volunteer registry routes. Who may call them:
 * - `POST /v1/volunteers`: any signed-in user (a valid token, no group): this is how a user
 *   becomes a volunteer. Membership of the `volunteer` group is granted afterwards in Cognito
 *   (the client then refreshes its token).
 * - `/v1/volunteers/me…`: group `volunteer`; each caller only ever sees their own profile.
 * - `GET /v1/charter`, `GET /v1/guide`: public (`auth: 'none'`).
 */
import {
  AcceptCharter,
  Charter,
  CharterAcceptance,
  Guide,
  RegisterVolunteer,
  UpdateVolunteer,
  VolunteerProfile,
} from '../../../shared/domain/volunteers/schema.js';
import { defineRoutes } from '../route.js';

const tags = ['volunteers'];

export const volunteerRoutes = defineRoutes([
  {
    id: 'RegisterVolunteer',
    method: 'POST',
    path: '/v1/volunteers',
    entry: 'functions/http/volunteers/register.ts',
    auth: 'required',
    needs: ['table:write', 'idempotency', 'events', 'national-id-pepper'],
    docs: {
      summary:
        "Create the caller's volunteer profile. Any signed-in user (no group needed). One profile per user and per national ID / iqama (409 otherwise). The national ID is stored only as a keyed hash and returned masked.",
      tags,
      body: RegisterVolunteer,
      responses: { 201: VolunteerProfile },
      errors: [400, 401, 409, 413, 422],
      idempotent: true,
    },
  },
  {
    id: 'GetMyVolunteerProfile',
    method: 'GET',
    path: '/v1/volunteers/me',
    entry: 'functions/http/volunteers/get-me.ts',
    auth: 'required',
    needs: ['table:read'],
    docs: {
      summary: "The caller's volunteer profile (group volunteer). 404 until the caller has registered.",
      tags,
      responses: { 200: VolunteerProfile },
      errors: [401, 403, 404],
    },
  },
  {
    id: 'UpdateMyVolunteerProfile',
    method: 'PATCH',
    path: '/v1/volunteers/me',
    entry: 'functions/http/volunteers/update-me.ts',
    auth: 'required',
    needs: ['table:read', 'table:write', 'events'],
    docs: {
      summary:
        "Partial update of the caller's profile (group volunteer): the given top-level fields replace the stored ones; `nationalId` cannot be changed. Changes of the email/SMS consent are recorded with their time.",
      tags,
      body: UpdateVolunteer,
      responses: { 200: VolunteerProfile },
      errors: [400, 401, 403, 404, 409, 413, 422],
    },
  },
  {
    id: 'AcceptCharter',
    method: 'POST',
    path: '/v1/volunteers/me/charter-acceptances',
    entry: 'functions/http/volunteers/accept-charter.ts',
    auth: 'required',
    needs: ['table:read', 'table:write', 'idempotency'],
    docs: {
      summary:
        'Accept the current ethics charter (group volunteer). 201 when recorded; 200 with the original acceptance time when that version was already accepted. An unknown or superseded version is a 422 on `version`.',
      tags,
      body: AcceptCharter,
      responses: { 200: CharterAcceptance, 201: CharterAcceptance },
      errors: [400, 401, 403, 404, 413, 422],
      idempotent: true,
    },
  },
  {
    id: 'GetCharter',
    method: 'GET',
    path: '/v1/charter',
    entry: 'functions/http/volunteers/get-charter.ts',
    auth: 'none',
    needs: [],
    memorySize: 128,
    docs: {
      summary: 'The current ethics charter, in Arabic and English (public).',
      tags,
      responses: { 200: Charter },
    },
  },
  {
    id: 'GetVolunteerGuide',
    method: 'GET',
    path: '/v1/guide',
    entry: 'functions/http/volunteers/get-guide.ts',
    auth: 'none',
    needs: [],
    memorySize: 128,
    docs: {
      summary: 'The volunteer guide: duties, responsibilities and rights, in Arabic and English (public).',
      tags,
      responses: { 200: Guide },
    },
  },
]);
