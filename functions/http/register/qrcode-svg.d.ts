/**
 * The two modules of `qrcode` that `QRCode.toString(text, { type: 'svg' })` runs (lib/server.js:
 * `create`, then the SVG renderer's `render`), imported on their own so the page's bundle leaves
 * out the PNG (pngjs), terminal, UTF-8 and canvas renderers it never uses (issue 17).
 */
declare module 'qrcode/lib/core/qrcode.js' {
  import type { QRCode, QRCodeOptions } from 'qrcode';
  export function create(text: string, options?: QRCodeOptions): QRCode;
}
declare module 'qrcode/lib/renderer/svg-tag.js' {
  import type { QRCode, QRCodeRenderersOptions } from 'qrcode';
  export function render(qrData: QRCode, options?: QRCodeRenderersOptions): string;
}
