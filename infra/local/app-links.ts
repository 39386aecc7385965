/**
 * The links in emails and SMS point at the stage's web app (`appBaseUrl`, shared/messaging/links.ts);
 * locally that is this gateway, and there is no web app in this repository. So that a link read in
 * the local inbox or SMS outbox leads somewhere, each app path (shared/domain/notifications/links.ts)
 * answers a small bilingual page saying what the app shows there and the API call behind it.
 * (Certificate links, `/verify/{code}`, are a real public route and are not handled here.)
 */
import type { LocalRoute } from './gateway.js';
import type { LocalExtension } from './extension.js';

interface AppLink {
  readonly pattern: RegExp;
  readonly ar: string;
  readonly en: string;
  readonly api: (id: string) => string;
}

const ID = '([0-9A-Za-z_-]{1,64})';
const MONTH = '(\\d{4}-\\d{2})';

export const appLinks: readonly AppLink[] = [
  { pattern: new RegExp(`^/a/${ID}$`), ar: 'طلب التطوع', en: 'the application', api: (id) => `GET /v1/applications/${id}` },
  { pattern: new RegExp(`^/o/${ID}$`), ar: 'الفرصة التطوعية', en: 'the opportunity', api: (id) => `GET /v1/opportunities/${id}` },
  { pattern: new RegExp(`^/org/${ID}/applications$`), ar: 'طلبات الجهة بانتظار القرار', en: "the organisation's review queue", api: (id) => `GET /v1/organizations/${id}/applications?status=pending` },
  { pattern: new RegExp(`^/org/${ID}/hours$`), ar: 'ساعات بانتظار الاعتماد', en: "the organisation's hours waiting for verification", api: (id) => `GET /v1/organizations/${id}/hours?status=pending` },
  { pattern: new RegExp(`^/org/${ID}/managers$`), ar: 'مديرو التطوع في الجهة', en: "the organisation's volunteer managers", api: (id) => `GET /v1/organizations/${id}/managers` },
  { pattern: new RegExp(`^/s/${ID}/attendance$`), ar: 'حضورك في الوردية', en: 'your attendance and hours', api: () => 'GET /v1/volunteers/me/hours' },
  { pattern: new RegExp(`^/s/${ID}/roster$`), ar: 'سجل حضور الوردية', en: "the shift's roster", api: (id) => `POST /v1/shifts/${id}/attendance` },
  { pattern: new RegExp(`^/t/${ID}$`), ar: 'التدريب', en: 'the training module', api: (id) => `GET /v1/trainings/${id}` },
  { pattern: new RegExp(`^/e/${ID}$`), ar: 'تقييمات الوردية', en: "the shift's evaluations", api: (id) => `GET /v1/shifts/${id}/evaluations` },
  { pattern: new RegExp(`^/org/${ID}$`), ar: 'صفحة الجهة', en: "the organisation's page", api: (id) => `GET /v1/organizations/${id}` },
  { pattern: new RegExp(`^/h/${ID}$`), ar: 'ساعاتك التطوعية', en: 'your hours', api: () => 'GET /v1/volunteers/me/hours' },
  { pattern: new RegExp(`^/b/${ID}$`), ar: 'شاراتك', en: 'your badges', api: () => 'GET /v1/volunteers/me/badges' },
  { pattern: new RegExp(`^/awards/${MONTH}$`), ar: 'جوائز الشهر', en: "the month's awards", api: (month) => `GET /v1/awards?month=${month}` },
  { pattern: new RegExp(`^/honours/${MONTH}$`), ar: 'أوسمة الشهر', en: "the month's honours", api: (month) => `GET /v1/honours?month=${month}` },
];

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (link: AppLink, id: string, apiUrl: string): string => {
  const call = link.api(id);
  const [method, path] = call.split(' ') as [string, string];
  return `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>تطوع — ${escape(link.ar)} · ${escape(link.en)}</title></head>
<body style="font-family: 'Noto Sans Arabic', 'Noto Sans', sans-serif; max-width: 40rem; margin: 2rem auto; line-height: 1.6">
<h1>${escape(link.ar)}</h1>
<p>يفتح هذا الرابط ${escape(link.ar)} في تطبيق منصة تطوع. التطبيق ليس جزءًا من هذه الخدمة المحلية؛ البيانات نفسها متاحة من الواجهة البرمجية:</p>
<div dir="ltr" lang="en">
<h2>${escape(link.en[0]!.toUpperCase() + link.en.slice(1))}</h2>
<p>In the deployed platform this link opens ${escape(link.en)} in the Tatawwu web app. The app is not part of this local backend; the same data comes from the API (with your token):</p>
<pre>curl -s ${escape(method === 'GET' ? '' : `-X ${method} `)}'${escape(apiUrl)}${escape(path)}' -H "authorization: Bearer $TOKEN"</pre>
<p><a href="/docs">API reference</a></p>
</div>
</body></html>
`;
};

export const appLinksExtension: LocalExtension = {
  name: 'app-links',
  async start({ apiUrl }) {
    const routes: LocalRoute[] = appLinks.map((link) => ({
      method: 'GET',
      path: link.pattern,
      handle: async (_request, match) => ({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
        body: page(link, match?.[1] ?? '', apiUrl.replace(/\/+$/, '')),
      }),
    }));
    return { routes, banner: ['App links      the links in emails and SMS (/a/<id>, /o/<id>, /org/<id>…) answer a page naming the API call behind them'] };
  },
};
