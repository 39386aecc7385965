/**
 * Local extension: the API reference. `GET /openapi.json` is the document generated from the
 * route table; `GET /docs` is Swagger UI, served from the swagger-ui-dist package in
 * node_modules so that it works without internet (no CDN, no validator badge call-out).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { operations } from '../../functions/http/routes.js';
import { localServer, openApiDocument } from '../../shared/openapi/document.js';
import type { LocalResponse, LocalRoute } from './gateway.js';
import type { LocalExtension } from './extension.js';

const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const swaggerDir = (): string => dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const boot = `
    window.ui = SwaggerUIBundle({
      url: '/openapi.json',
      dom_id: '#reference',
      deepLinking: true,
      validatorUrl: null,
      tryItOutEnabled: true,
      persistAuthorization: true,
    });
  `;

/**
 * Swagger UI needs more than the strict CSP every other page gets: its own bundle, this one
 * inline script (by hash), inline styles and data: images of its stylesheet, calls to the API.
 */
const csp = [
  "default-src 'none'",
  `script-src 'self' 'sha256-${createHash('sha256').update(boot).digest('base64')}'`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Tatawwu API reference</title>
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
  <link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
  <div id="reference"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script>${boot}</script>
</body>
</html>
`;

export const apiDocs: LocalExtension = {
  name: 'api-docs',
  async start({ apiUrl }) {
    // Built on first request (the route table does not change while the platform runs), so that
    // the platform starts even while a schema is being worked on; the test suite catches that.
    let document: string | undefined;
    const dir = swaggerDir();
    const files = new Map<string, Buffer>();
    const notFound: LocalResponse = { status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Not Found' }) };
    const docsRoutes: LocalRoute[] = [
      {
        method: 'GET',
        path: '/openapi.json',
        async handle() {
          document ??= JSON.stringify(openApiDocument(operations, { servers: [localServer(apiUrl)] }));
          return { status: 200, headers: { 'content-type': 'application/json' }, body: document };
        },
      },
      {
        method: 'GET',
        path: /^\/docs\/?$/,
        handle: async () => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }, body: page }),
      },
      {
        method: 'GET',
        path: /^\/docs\/([\w.-]+)$/,
        async handle(_request, match) {
          const name = match?.[1] ?? '';
          const type = assets[name];
          if (!type) return notFound;
          let content = files.get(name);
          if (!content) files.set(name, (content = await readFile(join(dir, name))));
          return { status: 200, headers: { 'content-type': type, 'cache-control': 'public, max-age=3600' }, body: content };
        },
      },
    ];
    return { routes: docsRoutes };
  },
};
