import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import MarkdownIt from 'markdown-it';

type Context = {
  params: Record<string, string>;
  status: number;
  body: unknown;
  type: string;
  set(name: string, value: string): void;
};

/** Where the guide and its screenshots live in the repository (scripts/guide-screenshots.ts writes them). */
const docsDir = (strapi: Core.Strapi) => path.resolve(strapi.dirs.app.root, '..', 'docs');
const IMAGE = /^[a-z0-9-]+\.png$/;

const STYLE = `body{font-family:system-ui,sans-serif;line-height:1.55;color:#1c1c1c;margin:0}
main{max-width:52rem;margin:0 auto;padding:1.5rem}
img{max-width:100%;height:auto;border:1px solid #ccc;border-radius:4px}
a{color:#0050a0}code{background:#f2f2f2;padding:0 .2em}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}`;

/**
 * The operators' guide (docs/guida-operatori.md), served by the CMS as a page, so the admin's home
 * can link to it and an operator reads it without the repository: `GET /sito/guida`, and its
 * screenshots at `/sito/guida/immagini/<name>.png`. Documentation, no data: no session needed.
 */
export function registerGuideRoutes(strapi: Core.Strapi): void {
  const markdown = new MarkdownIt({ html: false, linkify: true });
  const routes = [
    {
      method: 'GET',
      path: '/guida',
      handler: async (ctx: Context) => {
        const source = fs.readFileSync(path.join(docsDir(strapi), 'guida-operatori.md'), 'utf8');
        // The screenshots are beside the guide in the repository; here, under the page's own address.
        const body = markdown.render(source).replace(/src="guida\/([a-z0-9-]+\.png)"/g, 'src="guida/immagini/$1"');
        ctx.type = 'text/html; charset=utf-8';
        ctx.set('Cache-Control', 'no-cache');
        ctx.body = `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Guida per gli operatori · SITO Giovani</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
      },
    },
    {
      method: 'GET',
      path: '/guida/immagini/:file',
      handler: async (ctx: Context) => {
        const file = ctx.params.file ?? '';
        const full = path.join(docsDir(strapi), 'guida', file);
        if (!IMAGE.test(file) || !fs.existsSync(full)) {
          ctx.status = 404;
          ctx.body = { error: { status: 404, message: 'Immagine non trovata.' } };
          return;
        }
        ctx.type = 'image/png';
        ctx.set('Cache-Control', 'no-cache');
        ctx.body = fs.readFileSync(full);
      },
    },
  ];
  strapi.server.routes({
    type: 'admin',
    prefix: '/sito',
    routes: routes.map((route) => ({ ...route, config: { auth: false } })),
  } as never);
}
