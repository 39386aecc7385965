/**
 * Links in messages: the web app of the stage (`APP_BASE_URL`, set from `appBaseUrl` in
 * infra/config.ts for every function that sends email or SMS; locally the local API's URL).
 * Requests carry an app path (`NotificationRequest.link`); the notifier makes it absolute.
 * App paths are short (`/a/<id>`, `/o/<id>`…), so the SMS link stays short too.
 */
export const appBaseUrl = (): string => (process.env.APP_BASE_URL ?? process.env.PUBLIC_BASE_URL ?? 'https://tatawwu.example.sa').replace(/\/+$/, '');

export const appUrl = (path: string): string => `${appBaseUrl()}${path.startsWith('/') ? path : `/${path}`}`;
