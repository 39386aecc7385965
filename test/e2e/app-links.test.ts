/**
 * Locally the links in emails and SMS point at the gateway (APP_BASE_URL): each app path a message
 * can carry answers a page naming the API call behind it, instead of a 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPaths } from '../../shared/domain/notifications/links.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform.stop();
});

const ID = '01M8VF5B2C20E0T3CVW25ARNGV';

describe('app links on the local platform', () => {
  it.each([
    ['application', appPaths.application(ID), `/v1/applications/${ID}`],
    ['opportunity', appPaths.opportunity(ID), `/v1/opportunities/${ID}`],
    ['organization', appPaths.organization(ID), `/v1/organizations/${ID}`],
    ['reviewQueue', appPaths.reviewQueue(ID), `/v1/organizations/${ID}/applications?status=pending`],
    ['hours', appPaths.hours(ID), '/v1/volunteers/me/hours'],
    ['badge', appPaths.badge(ID), '/v1/volunteers/me/badges'],
    ['awards', appPaths.awards('2026-11'), '/v1/awards?month=2026-11'],
    ['honours', appPaths.honours('2026-11'), '/v1/honours?month=2026-11'],
    ['orgHours', appPaths.orgHours(ID), `/v1/organizations/${ID}/hours?status=pending`],
    ['managers', appPaths.managers(ID), `/v1/organizations/${ID}/managers`],
    ['attendance', appPaths.attendance(ID), '/v1/volunteers/me/hours'],
    ['roster', appPaths.roster(ID), `/v1/shifts/${ID}/attendance`],
    ['training', appPaths.training(ID), `/v1/trainings/${ID}`],
    ['evaluation', appPaths.evaluation(ID), `/v1/shifts/${ID}/evaluations`],
  ])('answers the %s link with a bilingual page naming its API call', async (_kind, path, api) => {
    const response = await platform.request('GET', path);

    expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({ status: 200, type: 'text/html; charset=utf-8' });
    expect(response.body).toContain(`${platform.apiUrl}${api.replace(/&/g, '&#38;')}`);
    expect(response.body).toContain('dir="rtl"');
  });

  it('covers every kind of app path but the certificate, which is a real public route', () => {
    expect(Object.keys(appPaths).sort()).toEqual(
      ['application', 'attendance', 'awards', 'badge', 'certificate', 'evaluation', 'honours', 'hours', 'managers', 'opportunity', 'orgHours', 'organization', 'reviewQueue', 'roster', 'training'].sort(),
    );
  });

  it('still answers 404 for a path that is no app link', async () => {
    expect((await platform.request('GET', '/a/too/deep')).status).toBe(404);
  });
});
