import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { builderEnvSchema, hubAddressesSchema, parseEnv, parseOrThrow } from '@sito/shared';
import { z } from 'zod';
import { listHubs } from './lib/hubs.ts';
import { DEFAULT_TOKEN_FILE, RELEASES_DIR, ROOT } from './lib/paths.ts';
import { nginxConfig, type NginxHub } from './lib/publishing/nginx.ts';

/**
 * `pnpm nginx:config [--out deploy/nginx.conf] [--listen 80] [--releases /srv/sito/releases]
 * [--network-host giovani.example.org] [--cms-origin https://cms.giovani.example.org]
 * [--cms-upstream http://127.0.0.1:1337]
 * [--tls-cert /etc/ssl/sito/fullchain.pem --tls-key /etc/ssl/sito/privkey.pem [--tls-listen 443]]`:
 * writes a production nginx configuration from the published territories of the running CMS
 * (their slugs and hostnames). `--cms-origin` (repeatable; SITO_CMS_URL by default) is where
 * editors open the admin, which frames the draft previews; `--cms-upstream` (SITO_CMS_URL by
 * default) where nginx passes the hubs' forms to the CMS. With a certificate (one for the
 * network's host and every hub's hostname) the hubs are served over TLS and plain HTTP redirects.
 */
/** A hub's former slugs and hostnames, from the CMS's permanent addresses (the builder's token reads them). */
async function hubHistory(cmsUrl: string, token: string, slug: string) {
  const url = `${cmsUrl}/api/sito/addresses/${encodeURIComponent(slug)}`;
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`Reading ${url} failed: the CMS answered ${response.status}.`);
  const { data } = parseOrThrow(hubAddressesSchema, await response.json(), `the permanent addresses of ${slug}`);
  return { formerSlugs: data.formerSlugs ?? [], formerHostnames: data.formerHostnames ?? [] };
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string', default: path.join(ROOT, 'deploy', 'nginx.conf') },
      listen: { type: 'string', default: '80' },
      releases: { type: 'string', default: RELEASES_DIR },
      'network-host': { type: 'string' },
      'cms-origin': { type: 'string', multiple: true },
      'cms-upstream': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-listen': { type: 'string', default: '443' },
    },
  });
  const listenPattern = /^(\d{1,5}|\[[0-9a-f:]+\]:\d{1,5}|[\d.]+:\d{1,5})$/;
  for (const flag of ['listen', 'tls-listen'] as const)
    if (!listenPattern.test(values[flag]))
      throw new Error(`--${flag} must be a port or address:port (got "${values[flag]}").`);
  if (Boolean(values['tls-cert']) !== Boolean(values['tls-key']))
    throw new Error('--tls-cert and --tls-key go together: the certificate and its private key.');
  const tls =
    values['tls-cert'] && values['tls-key']
      ? {
          certificate: path.resolve(values['tls-cert']),
          key: path.resolve(values['tls-key']),
          listen: values['tls-listen'],
        }
      : undefined;
  for (const file of tls ? [tls.certificate, tls.key] : [])
    if (!fs.existsSync(file)) throw new Error(`No file at ${file}: --tls-cert and --tls-key name PEM files.`);
  const env = parseEnv(
    z.object({
      SITO_CMS_URL: builderEnvSchema.shape.SITO_CMS_URL,
      SITO_TOKEN_FILE: z.string().default(DEFAULT_TOKEN_FILE),
    }),
    process.env,
    'pnpm nginx:config',
  );
  if (!fs.existsSync(env.SITO_TOKEN_FILE))
    throw new Error(`No builder token at ${env.SITO_TOKEN_FILE}: start the CMS once so it writes one.`);
  const token = fs.readFileSync(env.SITO_TOKEN_FILE, 'utf8').trim();
  const hubs: NginxHub[] = [];
  for (const hub of await listHubs(env.SITO_CMS_URL, token)) {
    // What the territory was called before: its former slugs and hostnames answer 301.
    const { formerSlugs, formerHostnames } = await hubHistory(env.SITO_CMS_URL, token, hub.slug);
    hubs.push({ ...hub, hostname: hub.hostname ?? null, formerSlugs, formerHostnames });
  }
  const config = nginxConfig(hubs, {
    releasesDir: path.resolve(values.releases),
    listen: values.listen,
    networkHost: values['network-host'],
    cmsOrigins: values['cms-origin'] ?? [env.SITO_CMS_URL],
    cmsUpstream: values['cms-upstream'] ?? env.SITO_CMS_URL,
    tls,
  });
  fs.mkdirSync(path.dirname(values.out), { recursive: true });
  fs.writeFileSync(values.out, config);
  console.log(
    `Wrote ${values.out}: ${hubs.length} hubs, ${hubs.filter((h) => h.hostname).length} with their own hostname, ${hubs.reduce((n, h) => n + (h.formerHostnames?.length ?? 0), 0)} former hostnames redirected, ${tls ? 'over TLS' : 'over plain HTTP (no certificate given)'}.`,
  );
}
