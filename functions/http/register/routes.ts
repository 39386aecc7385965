/**
 * The national register and certificates (issue 12). Who may call them:
 * - `GET /v1/volunteers/me/transcript`: the volunteer (group volunteer), their own record.
 */
import { Transcript, TranscriptQuery } from '../../../shared/domain/register/schema.js';
import { defineOperation } from '../operation.js';

const tags = ['register'];

export const getTranscript = /* @__PURE__ */ defineOperation({
  id: 'GetTranscript',
  method: 'GET',
  path: '/v1/volunteers/me/transcript',
  entry: 'functions/http/register/transcript.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { query: TranscriptQuery },
  needs: ['table:read'],
  summary:
    "The caller's national record across every organisation (group volunteer): running totals (minutes, value in SAR; by organisation, year, cause and track) and the ledger entries, newest first (`limit` 1–100, default 50; `nextCursor`). A reversal is an entry of its own with negative minutes.",
  tags,
  responses: { 200: Transcript },
  errors: [400, 401, 403],
});

export const registerOperations = [getTranscript] as const;
