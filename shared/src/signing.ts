import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/**
 * Signed HTTP requests, the Standard Webhooks way (https://www.standardwebhooks.com): an
 * HMAC-SHA256 over `id.timestamp.body` with a shared secret, in the `webhook-id`,
 * `webhook-timestamp` and `webhook-signature` headers. Used for the workers' calls to the CMS and
 * for the notifications a hub sends to an external deploy target after each release.
 *
 * A separate entry point (`@sito/shared/signing`) because it needs Node's crypto: browser code
 * imports `@sito/shared` and must not pull it in.
 */

/** A fresh secret in the Standard Webhooks format: `whsec_` and 32 random bytes in base64. */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Tells whether a value is a usable signing secret (base64 of at least 24 bytes, `whsec_` optional). */
export function signingSecretProblem(secret: string): string | null {
  const raw = secret.startsWith('whsec_') ? secret.slice(6) : secret;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(raw)) return 'must be base64, optionally prefixed with whsec_';
  if (Buffer.from(raw, 'base64').length < 24) return 'must hold at least 24 random bytes';
  return null;
}

export type SignatureHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/** The headers that sign `body` (the exact bytes sent) now, with a fresh message id. */
export function signRequest(
  secret: string,
  body: string,
  now = new Date(),
  id = `msg_${randomUUID()}`,
): SignatureHeaders {
  const signature = new Webhook(secret).sign(id, now, body);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': signature,
  };
}

type Headers = Record<string, string | string[] | undefined>;

/**
 * Checks a signed request's signature and its timestamp (within five minutes; both checked by the
 * `standardwebhooks` library). Returns the message id to remember against replays, or why the
 * request is refused.
 */
export function createSignatureCheck(secret: string) {
  const webhook = new Webhook(secret);
  return function check(body: string, headers: Headers): { id: string } | { problem: string } {
    const pick = (name: string) => {
      const value = headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const id = pick('webhook-id');
    const timestamp = pick('webhook-timestamp');
    const signature = pick('webhook-signature');
    if (!id || !timestamp || !signature)
      return { problem: 'missing signature headers (webhook-id, webhook-timestamp, webhook-signature)' };
    try {
      webhook.verify(body, { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature });
    } catch (error) {
      return { problem: `bad signature: ${(error as Error).message}` };
    }
    return { id };
  };
}

/** How long a message id must be remembered: past it, the timestamp check refuses the message anyway. */
export const REPLAY_WINDOW_MS = 10 * 60_000;

export const REPLAYED = 'this request was already received (replayed webhook-id)';

/**
 * Verifies a signed request in one process (a receiver of release notifications): the signature,
 * the timestamp, and a message id not seen already, remembered in memory. The CMS, which may run
 * as several processes, remembers ids in its database instead (cms/src/publishing/replays.ts).
 * Returns null when the request is good, otherwise why not.
 */
export function createVerifier(secret: string, options: { rememberIds?: number } = {}) {
  const check = createSignatureCheck(secret);
  const seen = new Map<string, number>();
  const limit = options.rememberIds ?? 10_000;
  return function verify(body: string, headers: Headers): string | null {
    const result = check(body, headers);
    if ('problem' in result) return result.problem;
    if (seen.has(result.id)) return REPLAYED;
    seen.set(result.id, Date.now());
    if (seen.size > limit) seen.delete(seen.keys().next().value!);
    return null;
  };
}

/**
 * The key the CMS signs its proof-of-work challenges with (cms/src/submissions/proof.ts), derived
 * from its admin secret; the benchmark derives it too, to make valid proofs without solving them.
 */
export const altchaSigningKey = (adminSecret: string): string =>
  createHmac('sha256', adminSecret).update('sito-altcha-v1').digest('hex');
