import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { SITES_DIST } from './lib/paths.ts';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The hubs currently built: every folder of sites/dist with an index.html. */
export function builtHubs(root = SITES_DIST): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(root, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Serves every built hub at /<slug>/ from sites/dist, and at / a page listing them. Hashed assets
 * are cached for a year; HTML is revalidated on every visit.
 */
export function createHubServer(root = SITES_DIST): http.Server {
  const assets = sirv(root, {
    dev: false,
    etag: true,
    extensions: ['html'],
    setHeaders(res, pathname) {
      const immutable = /\/_astro\//.test(pathname) || /\/pagefind\/.*\.(pf_\w+|wasm\.\w+)$/.test(pathname);
      res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      const hubs = builtHubs(root);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(
        `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>SITO Giovani: i siti della rete</title></head><body><main><h1>I siti della rete Informagiovani</h1><ul>${hubs
          .map((hub) => `<li><a href="/${escapeHtml(hub)}/">${escapeHtml(hub)}</a></li>`)
          .join('')}</ul></main></body></html>`,
      );
      return;
    }
    const [, first] = url.pathname.split('/');
    if (first && !url.pathname.includes('.') && !url.pathname.endsWith('/')) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      res.end();
      return;
    }
    assets(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Pagina non trovata</title></head><body><main><h1>Pagina non trovata</h1><p><a href="/">Torna ai siti della rete</a></p></main></body></html>',
      );
    });
  });
}

export async function serveHubs(port: number, root = SITES_DIST): Promise<http.Server> {
  const server = createHubServer(root);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} is already in use: the hubs cannot be served there.`)
          : error,
      ),
    );
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}

/** `pnpm serve:hubs`: serve what is built, without the CMS. */
export async function main(): Promise<void> {
  const port = Number(process.env.SITO_HUBS_PORT ?? 4321);
  await serveHubs(port);
  console.log(`Serving ${builtHubs().join(', ') || 'no hubs yet'} at http://localhost:${port}/`);
}
