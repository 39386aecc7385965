/**
 * The local stand-in of the exports bucket's presigned links (issue 18): `GET /local/exports/<key>
 * ?expires=&signature=` answers the stored ZIP (shared/storage/export-files.ts) while the link's
 * signature is this process's and it has not expired — 403 otherwise, 404 when the file is gone.
 */
import { readSignedLocalExport } from '../../shared/storage/export-files.js';
import { json, type LocalExtension } from './extension.js';

export const exportsExtension: LocalExtension = {
  name: 'exports',
  async start() {
    return {
      routes: [
        {
          method: 'GET',
          path: /^\/local\/exports\/(exports\/[0-9A-Za-z_-]{1,128}\/[0-9A-Z]{26}\.zip)$/,
          async handle(request, match) {
            const file = await readSignedLocalExport(match?.[1] ?? '', Number(request.query.get('expires')), request.query.get('signature') ?? '');
            if (file === 'invalid' || file === 'expired') return json(403, { type: 'about:blank', title: 'Forbidden', status: 403, detail: `the link is ${file}` });
            if (file === 'missing') return json(404, { type: 'about:blank', title: 'Not found', status: 404, detail: 'no such export' });
            return { status: 200, headers: { 'content-type': 'application/zip', 'cache-control': 'no-store' }, body: file };
          },
        },
      ],
      banner: ['Exports        prepared personal-data exports: a directory stands in for the S3 bucket, GET /local/exports/<key>?expires=&signature= for its presigned links'],
    };
  },
};
