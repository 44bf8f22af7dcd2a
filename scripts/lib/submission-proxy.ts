import http from 'node:http';

/**
 * The hubs are static, but their forms post to their own address (`form-action 'self'`,
 * `connect-src 'self'`): `/api/sito/submissions/…` on a hub's host is passed to the CMS, as the
 * generated nginx configuration does in production (publishing/nginx.ts). The client's address
 * goes in X-Forwarded-For, replacing whatever the client wrote there, for the CMS's per-address
 * rate limit (cms/src/submissions/client-address.ts).
 */
export const SUBMISSIONS_PATH = '/api/sito/submissions/';
/** As the CMS's own limit (cms/src/submissions/routes.ts): a form is a few kilobytes. */
export const MAX_SUBMISSION_BYTES = 16_384;

/** What of the CMS's answer reaches the browser: the body and how to read it, nothing of the CMS's own. */
const PASSED_HEADERS = ['content-type', 'cache-control', 'location', 'retry-after', 'content-security-policy'];

const fail = (res: http.ServerResponse, status: number, message: string): void => {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ error: { status, message } }));
};

export function proxySubmission(req: http.IncomingMessage, res: http.ServerResponse, cmsUrl: string): void {
  const target = new URL(req.url ?? '/', cmsUrl);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_SUBMISSION_BYTES) return fail(res, 413, 'La richiesta è troppo grande.');
  const upstream = http.request(
    target,
    {
      method: req.method,
      headers: {
        ...(req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {}),
        ...(req.headers['content-length'] ? { 'content-length': req.headers['content-length'] } : {}),
        accept: req.headers.accept ?? '*/*',
        'accept-language': req.headers['accept-language'] ?? '',
        'x-forwarded-for': req.socket.remoteAddress ?? '',
        'x-forwarded-host': req.headers.host ?? '',
      },
      timeout: 15_000,
    },
    (answer) => {
      const headers: http.OutgoingHttpHeaders = {};
      for (const name of PASSED_HEADERS) if (answer.headers[name]) headers[name] = answer.headers[name];
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    },
  );
  upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
  upstream.on('error', () =>
    fail(res, 502, 'Il servizio per inviare domande non risponde: riprova tra qualche minuto.'),
  );
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > MAX_SUBMISSION_BYTES) {
      upstream.destroy();
      req.unpipe(upstream);
      fail(res, 413, 'La richiesta è troppo grande.');
    }
  });
  req.pipe(upstream);
}
