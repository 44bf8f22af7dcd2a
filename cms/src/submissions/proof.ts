import type { Core } from '@strapi/strapi';
import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { altchaSigningKey, REPLAY_WINDOW_MS } from '@sito/shared/signing';
import { replayStore } from '../publishing/replays';

/**
 * The proof of work a hub's form solves before it may submit (ALTCHA, self-hosted: no cookie, no
 * third-party request). The CMS signs each challenge with a key derived from its admin secret, so
 * a forged challenge fails; a solved challenge is accepted once, its signature remembered in the
 * database beside the workers' message ids (publishing/replays.ts), for as long as it is valid.
 * @see https://altcha.org/docs/v2/
 */
const ALGORITHM = 'SHA-256';
/**
 * Hash rounds per attempt, and the attempts a solver needs (the counter: on average 5,000). The
 * widget hashes with WebCrypto in workers, each round a call: about 50,000 calls, under a second on
 * a laptop and a few on an old phone, started when the reader first focuses the form. (At 200
 * rounds it took 17 s in Chromium.)
 */
const COST = 10;
const COUNTER = { min: 2_000, max: 8_000 } as const;

/** The CMS's admin secret, from which the keys of the proofs and of the no-JavaScript passes derive. */
export function adminSecret(strapi: Core.Strapi): string {
  const secret = strapi.config.get('admin.auth.secret') as string | undefined;
  if (!secret) throw new Error('The CMS has no admin secret (ADMIN_JWT_SECRET): submissions cannot be signed.');
  return secret;
}

const signingKey = (strapi: Core.Strapi): string => altchaSigningKey(adminSecret(strapi));

export async function newChallenge(strapi: Core.Strapi, now = Date.now()): Promise<Challenge> {
  return createChallenge({
    algorithm: ALGORITHM,
    cost: COST,
    counter: randomInt(COUNTER.min, COUNTER.max),
    deriveKey,
    expiresAt: new Date(now + REPLAY_WINDOW_MS),
    hmacSignatureSecret: signingKey(strapi),
  });
}

/** Reads what the widget sends: the base64 of `{ challenge, solution }`, or that object itself. */
function payloadOf(value: unknown): Payload | null {
  try {
    const parsed = typeof value === 'string' ? JSON.parse(Buffer.from(value, 'base64').toString('utf8')) : value;
    const payload = parsed as Payload;
    return payload && typeof payload === 'object' && payload.challenge && payload.solution ? payload : null;
  } catch {
    return null;
  }
}

/** Why a proof is refused (null: accepted, and never again). */
export async function checkProof(strapi: Core.Strapi, value: unknown): Promise<string | null> {
  const payload = payloadOf(value);
  if (!payload) return 'missing or unreadable';
  let result;
  try {
    result = await verifySolution({
      challenge: payload.challenge,
      solution: payload.solution,
      deriveKey,
      hmacSignatureSecret: signingKey(strapi),
    });
  } catch {
    return 'malformed';
  }
  if (result.expired) return 'expired';
  if (!result.verified) return 'not verified';
  return (await replayStore(strapi).firstSeen(`altcha:${payload.challenge.signature}`)) ? null : 'replayed';
}
