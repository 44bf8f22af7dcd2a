import type { ReleaseHub } from '@sito/shared';
import { escapeHtml, previewWaitingPage } from './pages.ts';
import { origin, securityHeaders, type ResponseKind, type SecurityHeaderOptions } from './security-headers.ts';

export interface NginxTls {
  /** The certificate (chain) file, PEM: one certificate for the network's host and every hub's hostname. */
  certificate: string;
  /** Its private key, PEM. */
  key: string;
  /** The port (or address:port) nginx serves TLS on; 443 by default. */
  listen?: number | string | undefined;
}

export interface NginxOptions {
  /** The folder the workers deploy to (each hub's live release is <releasesDir>/<hub>/current). */
  releasesDir: string;
  /** The port nginx listens on for plain HTTP. With `tls`, it only redirects to https. */
  listen: number | string;
  /** The network's own host name, serving every hub at /<slug>/ (and the default server). */
  networkHost?: string | undefined;
  /** The CMS's origins as editors' browsers reach it: its admin frames the draft previews. */
  cmsOrigins?: readonly string[] | undefined;
  /** Serve over TLS with this certificate, and send Strict-Transport-Security. */
  tls?: NginxTls | undefined;
  /**
   * Where nginx reaches the CMS (`http://127.0.0.1:1337`): the hubs' forms post to
   * `/api/sito/submissions/…` on the hub's own address, passed on there. Without it, they 404.
   */
  cmsUpstream?: string | undefined;
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const hostPattern = /^(?=.{1,253}$)([a-z0-9](-?[a-z0-9])*\.)+[a-z]{2,}$/;
// eslint-disable-next-line no-control-regex -- line breaks and other control characters are what it finds
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * A territory's name as text of the HTML nginx returns itself, inside a '…' string: escaped for
 * HTML, and with nothing nginx reads in such a string ($ starts a variable, \ an escape, ' ends it).
 */
const htmlInNginxString = (text: string) =>
  escapeHtml(text.replace(CONTROL_CHARACTERS, ' ')).replace(/\$/g, '&#36;').replace(/\\/g, '&#92;');

/** A territory's name in a `#` comment, which a line break would end. */
const comment = (text: string) => `# ${text.replace(CONTROL_CHARACTERS, ' ')}`;

/** A folder or file written into the configuration: absolute, and nothing nginx would read as syntax. */
function configPath(value: string, what: string): string {
  const clean = value.replace(/(.)\/$/, '$1');
  // eslint-disable-next-line no-control-regex -- control characters are among what it refuses
  if (!clean.startsWith('/') || /[\s;{}'"$\\#\u0000-\u001f\u007f]/.test(clean))
    throw new Error(`The ${what} "${value}" cannot be written into an nginx configuration (an absolute path, please).`);
  return clean;
}

/** The security headers (security-headers.ts) as `add_header` lines, `always` so errors carry them too. */
function headerLines(kind: ResponseKind, options: SecurityHeaderOptions, extra: Record<string, string> = {}): string {
  return Object.entries({ ...extra, ...securityHeaders(kind, options) })
    .map(([name, value]) => {
      if (/["$\\\n]/.test(value)) throw new Error(`The ${name} header cannot be written into nginx: ${value}`);
      return `        add_header ${name} "${value}" always;`;
    })
    .join('\n');
}

/**
 * The media types of what a hub publishes outside its hashed assets, whatever the system's
 * mime.types holds (Debian's lacks the calendar files and the open-data catalogue, which a
 * harvester reads by its type). A \`types\` block replaces the inherited list: this is all of it.
 */
const HUB_TYPES = `        types {
            text/html html;
            text/css css;
            text/javascript js mjs;
            application/json json;
            application/ld+json jsonld;
            application/xml xml;
            text/calendar ics;
            text/csv csv;
            text/plain txt;
            image/svg+xml svg;
            image/png png;
            image/jpeg jpg jpeg;
            image/webp webp;
            image/avif avif;
            image/x-icon ico;
            font/woff2 woff2;
            application/wasm wasm;
        }
        default_type application/octet-stream;`;

/** Any hub's slug: hubs come and go (a withdrawn, renamed or new one) without regenerating the configuration. */
const HUB = '[a-z0-9-]+';

/** A live release's folder and the page in it, in the real path of a `_sito/301/` link. */
const releasePage = (hub: string) => `"/${hub}/releases/\\d{8}T\\d{6}Z-[^/]+/(.+)$"`;

/**
 * Where an old address leads, on a server that serves every hub by path: the page its link's real
 * path names, in this hub's release or (an entry moved to another territory) in another hub's.
 */
const crossHubByPath = `        if ($realpath_root ~ ${releasePage(`(${HUB})`)}) {
            return 301 /$1/$2/$is_args$args;
        }`;

/**
 * The same on one hub's own hostname, which serves that hub only: a page of another hub is reached
 * on that hub's hostname when it has one, else on the network's host.
 */
function crossHubFromHostname(
  hub: ReleaseHub,
  hubs: ReleaseHub[],
  origins: { hub: (host: string) => string; network: string },
): string {
  const lines = [
    `        if ($realpath_root ~ ${releasePage(hub.slug)}) {
            return 301 /${hub.slug}/$1/$is_args$args;
        }`,
  ];
  for (const other of hubs)
    if (other.slug !== hub.slug && other.hostname)
      lines.push(`        if ($realpath_root ~ ${releasePage(other.slug)}) {
            return 301 ${origins.hub(other.hostname)}/${other.slug}/$1/$is_args$args;
        }`);
  lines.push(`        if ($realpath_root ~ ${releasePage(`(${HUB})`)}) {
            return 301 ${origins.network}/$1/$2/$is_args$args;
        }`);
  return lines.join('\n');
}

/**
 * The locations that serve the hubs' live releases by path. nginx drops the server's `add_header`s
 * in a location that has its own, so each one repeats them. What a release does not have answers
 * from its permanent addresses (lib/publishing/addresses.ts: files under `_sito/`, tested on each
 * request, so a deploy needs no reload): a withdrawn entry's address 410 with its page, an old one
 * 301 to where its page is now (the real path of its `_sito/301/` link), anything else 404 with the
 * hub's own page. A hub with no live release was withdrawn (releases.ts): 301 to the same path on
 * the hub it moved to, or 410 with its page.
 */
function locations(root: string, headers: SecurityHeaderOptions, hubs = HUB, elsewhere = crossHubByPath): string {
  const page = headerLines('page', headers, { 'Cache-Control': 'no-cache' });
  const internal = (what: string) => `        internal;
${page}
${HUB_TYPES}
        # ${what}`;
  return `    # Content-hashed assets never change under their name.
    location ~ ^/(?<hub>${hubs})/(?<asset>_astro/.+|pagefind/.+\\.(?:pf_\\w+|wasm\\.\\w+))$ {
${headerLines('page', headers, { 'Cache-Control': 'public, max-age=31536000, immutable' })}
        try_files /$hub/current/$asset =404;
    }
    # What the servers read of a release is not a page.
    location ~ ^/${hubs}/_sito/ {
        return 404;
    }
    # A hub's home.
    location ~ ^/(?<hub>${hubs})/$ {
${page}
${HUB_TYPES}
        error_page 404 /_sito/404/$hub/;
        if (!-e ${root}/$hub/current) {
            rewrite ^ /_sito/hub/$hub/ last;
        }
        try_files /$hub/current/index.html =404;
    }
    # Everything else (HTML, feeds, data, the search index's entry points) is revalidated.
    location ~ ^/(?<hub>${hubs})/(?<page>.+)$ {
${page}
${HUB_TYPES}
        error_page 404 /_sito/404/$hub/$page;
        error_page 410 /_sito/410/$hub/$page;
        if (!-e ${root}/$hub/current) {
            rewrite ^ /_sito/hub/$hub/$page last;
        }
        if (-d ${root}/$hub/current/_sito/410/$page) {
            return 410;
        }
        if (-e ${root}/$hub/current/_sito/301/$page) {
            rewrite ^ /_sito/301/$hub/$page last;
        }
        try_files /$hub/current/$page /$hub/current/$page/index.html =404;
    }
    location ~ ^/(?<hub>${hubs})$ {
        return 301 /$hub/;
    }
    location ~ ^/_sito/404/(?<hub>${HUB})/en/ {
${internal("The hub's own page, in English under /en/ (in Italian on a hub without English).")}
        try_files /$hub/current/en/404/index.html /$hub/current/404.html =404;
    }
    location ~ ^/_sito/404/(?<hub>${HUB})/ {
${internal("The hub's own page.")}
        try_files /$hub/current/404.html =404;
    }
    location ~ ^/_sito/410/(?<hub>${HUB})/(?<page>.*)$ {
${internal("The withdrawn entry's page (or the withdrawn hub's), with its 410.")}
        try_files /$hub/current/$page/index.html /$hub/gone.html =410;
    }
    location ~ ^/_sito/301/(?<hub>${HUB})/(?<page>.+?)/?$ {
${internal("Where the old address leads: its link's real path inside the release.")}
        root ${root}/$hub/current/_sito/301/$page;
${elsewhere}
        return 404;
    }
    location ~ ^/_sito/hub/(?<hub>${HUB})/(?<page>.*)$ {
${internal('A hub with no live release: moved to another hub (301), withdrawn (410) or unknown.')}
        error_page 410 /_sito/410/$hub/;
        root ${root}/$hub/moved;
        if ($realpath_root ~ "/(${HUB})$") {
            return 301 /$1/$page$is_args$args;
        }
        if (-f ${root}/$hub/gone.html) {
            return 410;
        }
        return 404;
    }
    # Nothing else: not the releases or the staging folders.
    location / {
        return 404;
    }`;
}

/**
 * The hubs' forms, passed to the CMS as the local hub server does (scripts/lib/submission-proxy.ts):
 * the client's address replaces any X-Forwarded-For it sent (the CMS counts submissions per
 * address, believing only its proxies), and nothing bigger than a form gets through.
 */
function submissionsLocation(upstream: string | undefined): string {
  if (!upstream) return '';
  return `
    # The hubs' forms («Fai una domanda»): passed to the CMS.
    location ^~ /api/sito/submissions/ {
        client_max_body_size 16k;
        proxy_pass ${upstream}/api/sito/submissions/;
        proxy_set_header Host $proxy_host;
        proxy_set_header X-Forwarded-For $remote_addr;
        proxy_set_header X-Forwarded-Host $host;
        proxy_set_header Cookie "";
        proxy_hide_header X-Powered-By;
        proxy_hide_header Strict-Transport-Security;
        proxy_hide_header Access-Control-Allow-Origin;
        proxy_hide_header Access-Control-Allow-Credentials;
        proxy_hide_header Vary;
        proxy_read_timeout 15s;
    }`;
}

/** The lines every server block begins with: where it listens, and the headers of what has none of its own. */
function serverHead(listen: string, serverName: string, root: string, options: NginxOptions): string {
  const headers = { cmsOrigins: options.cmsOrigins, tls: Boolean(options.tls) };
  const tls = options.tls
    ? `
    ssl_certificate ${options.tls.certificate};
    ssl_certificate_key ${options.tls.key};
    ssl_protocols TLSv1.2 TLSv1.3;`
    : '';
  return `    listen ${listen};
    server_name ${serverName};${tls}
    root ${root};
    charset utf-8;
    gzip on;
    gzip_types text/css application/javascript application/json application/xml text/calendar text/csv image/svg+xml;
${headerLines('page', headers).replace(/^ {4}/gm, '')}`;
}

/** A hub as the configuration serves it: with the hostnames and slugs its territory had before. */
export type NginxHub = ReleaseHub & { formerSlugs?: string[] | undefined };

/** Only a port, or `address:port`: what `listen` accepts and a redirect can name. */
const portOf = (listen: number | string) => Number(/(\d{1,5})$/.exec(String(listen))?.[1] ?? NaN);

/**
 * An nginx configuration for serving the hubs, generated from the territories: every hub by path
 * on the network's host (and the default server), and each hub with a hostname on its own server
 * block, where `/` leads to the hub. The live release is read through the `current` symlink on
 * each request, so a deploy (one rename) is live at once, with no reload. Every response carries
 * the security headers of security-headers.ts; with a certificate the hubs are served over TLS
 * only, plain HTTP redirecting there.
 */
export function nginxConfig(hubs: NginxHub[], options: NginxOptions): string {
  for (const hub of hubs) {
    if (!slugPattern.test(hub.slug))
      throw new Error(`Territory slug "${hub.slug}" is not safe in a web server configuration.`);
    for (const hostname of [hub.hostname ?? '', ...(hub.formerHostnames ?? [])].filter(Boolean))
      if (!hostPattern.test(hostname))
        throw new Error(`Territory "${hub.slug}" has hostname "${hostname}", which is not a valid host name.`);
    for (const former of hub.formerSlugs ?? [])
      if (!slugPattern.test(former))
        throw new Error(
          `Territory "${hub.slug}" had the slug "${former}", which is not safe in a web server configuration.`,
        );
  }
  const networkHost = options.networkHost ?? 'localhost';
  if (networkHost !== 'localhost' && !hostPattern.test(networkHost))
    throw new Error(`The network's host "${networkHost}" is not a valid host name.`);
  const root = configPath(options.releasesDir, 'releases folder');
  const tls = options.tls && {
    certificate: configPath(options.tls.certificate, 'TLS certificate'),
    key: configPath(options.tls.key, 'TLS key'),
    listen: options.tls.listen ?? 443,
  };
  if (tls && !(portOf(tls.listen) > 0))
    throw new Error(`The TLS port "${tls.listen}" is not a port or an address:port.`);
  const upstream = options.cmsUpstream === undefined ? undefined : origin(options.cmsUpstream);
  const settings = { ...options, tls };
  const headers = { cmsOrigins: options.cmsOrigins, tls: Boolean(tls) };
  const listen = (main: boolean) =>
    tls ? `${tls.listen} ssl${main ? ' default_server' : ''}` : `${options.listen}${main ? ' default_server' : ''}`;

  const blocks = [
    `# Generated by \`pnpm nginx:config\` from the territories in the CMS on ${new Date().toISOString()}.
# Regenerate it after adding a territory or changing a hostname; do not edit it by hand.
server {
${serverHead(listen(true), networkHost, root, settings)}
    location = / {
${headerLines('page', headers, { 'Cache-Control': 'no-cache' })}
        default_type text/html;
        return 200 '<!doctype html><html lang="it"><head><meta charset="utf-8"><title>SITO Giovani</title></head><body><main><h1>I siti della rete Informagiovani</h1><ul>${hubs
          .map((hub) => `<li><a href="/${hub.slug}/">${htmlInNginxString(hub.name)}</a></li>`)
          .join('')}</ul></main></body></html>';
    }
    # Draft previews (built by the workers into .previews/, cms/src/publishing/previews.ts): private
    # addresses, never cached or indexed, framed by the CMS's admin; until built, why it failed or
    # a page that waits for it.
    location ~ "^/_anteprima/(?<preview>[a-f0-9]{32})/[a-z0-9-]+/(?<page>.*)$" {
${headerLines('preview', headers, { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' })}
        try_files /.previews/$preview/$page /.previews/$preview/$page/index.html /.previews/$preview.html @preview_waiting;
    }
    location @preview_waiting {
${headerLines('preview', headers, { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' })}
        default_type text/html;
        return 200 '${previewWaitingPage()}';
    }
${locations(root, headers)}${submissionsLocation(upstream)}
}`,
  ];
  // The public origin of a host as the configuration serves it (for redirects between hosts).
  const publicPort = tls ? portOf(tls.listen) : portOf(options.listen);
  const originOf = (host: string) =>
    `${tls ? 'https' : 'http'}://${host}${publicPort === (tls ? 443 : 80) || !(publicPort > 0) ? '' : `:${publicPort}`}`;
  const origins = { hub: originOf, network: originOf(networkHost) };
  const formerSlugs = (hub: NginxHub) =>
    (hub.formerSlugs ?? []).length === 0
      ? ''
      : `
    # Its former slugs (a renamed territory) lead to the current one.
    location ~ ^/(?:${hub.formerSlugs!.join('|')})(?<rest>/.*)?$ {
        return 301 /${hub.slug}$rest$is_args$args;
    }`;
  for (const hub of hubs.filter((h) => h.hostname)) {
    blocks.push(`${comment(hub.name)}
server {
${serverHead(listen(false), hub.hostname!, root, settings)}
    location = / {
        return 302 /${hub.slug}/;
    }${formerSlugs(hub)}
${locations(root, headers, hub.slug, crossHubFromHostname(hub, hubs, origins))}${submissionsLocation(upstream)}
}`);
  }
  // A territory's former hostnames lead to its site: on its hostname now, or on the network's host.
  const current = new Set(hubs.flatMap((hub) => (hub.hostname ? [hub.hostname] : [])));
  for (const hub of hubs) {
    const former = [...new Set(hub.formerHostnames ?? [])].filter((hostname) => !current.has(hostname));
    if (former.length === 0) continue;
    const target = hub.hostname ? originOf(hub.hostname) : origins.network;
    blocks.push(`${comment(`${hub.name}: the hostnames its site had before`)}
server {
${serverHead(listen(false), former.join(' '), root, settings)}
    location = / {
        return 301 ${target}/${hub.slug}/;
    }
    location / {
        return 301 ${target}$request_uri;
    }
}`);
  }
  if (tls) {
    const port = portOf(tls.listen);
    blocks.push(`# Plain HTTP only leads to https, on the same host and path.
server {
    listen ${options.listen} default_server;
    server_name _;
${headerLines('page', { cmsOrigins: options.cmsOrigins }).replace(/^ {4}/gm, '')}
    return 301 https://$host${port === 443 ? '' : `:${port}`}$request_uri;
}`);
  }
  return `${blocks.join('\n\n')}\n`;
}
