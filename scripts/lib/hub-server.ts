import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { securityHeaders } from './publishing/security-headers.ts';

/** Files a production web server compresses (fonts, images and Pagefind's index are compressed already). */
const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|svg|txt|ics|csv)$/;

export interface ServedHub {
  /** The hub's address, e.g. `http://127.0.0.1:40123/bench/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves one built hub at `/<folder name>/` on a free localhost port, gzip-compressed and with the
 * security headers as a production server would serve it (`scripts/serve-hubs.ts` serves
 * uncompressed, for development).
 * Writes a `.gz` beside every compressible file of the folder, which sirv then serves to browsers
 * that accept gzip: meant for a throw-away build such as the bench's.
 */
export async function serveBuiltHub(root: string): Promise<ServedHub> {
  for (const name of fs.readdirSync(root, { recursive: true })) {
    const file = path.join(root, String(name));
    if (COMPRESSIBLE.test(file) && fs.statSync(file).isFile())
      fs.writeFileSync(`${file}.gz`, gzipSync(fs.readFileSync(file), { level: 9 }));
  }
  const assets = sirv(path.dirname(root), {
    dev: false,
    etag: true,
    gzip: true,
    extensions: ['html'],
    setHeaders(res, pathname) {
      res.setHeader('Cache-Control', /\/_astro\//.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // The headers production sends, so what is measured (Lighthouse's best practices) is what readers get.
  const headers = Object.entries(securityHeaders('page'));
  const server = http.createServer((req, res) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    assets(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${path.basename(root)}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
