import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { REPLAY_WINDOW_MS } from '@sito/shared/signing';
import { replayStore } from '../publishing/replays';
import { adminSecret } from './proof';

/**
 * The anti-spam check of a form sent without JavaScript, where no proof of work can be solved: the
 * CMS answers the first post with a page to check and confirm, carrying a signed pass; the pass is
 * accepted once, no sooner than PASS_MIN_AGE_MS after it was given (a person reads the page; a
 * script that posts at once is refused) and no later than the replay window. With the honeypot
 * and the rate limits it is what stands between the form and a script, so it is weaker than the
 * proof of work: docs/two-way-services.md says so.
 */
export const PASS_MIN_AGE_MS = 3_000;
export const PASS_MAX_AGE_MS = REPLAY_WINDOW_MS;

const keyOf = (strapi: Core.Strapi): string =>
  createHmac('sha256', adminSecret(strapi)).update('sito-form-pass-v1').digest('hex');

const sign = (key: string, body: string) => createHmac('sha256', key).update(body).digest('base64url');

export function issuePass(strapi: Core.Strapi, now = Date.now()): string {
  const body = `${now.toString(36)}.${randomBytes(12).toString('base64url')}`;
  return `${body}.${sign(keyOf(strapi), body)}`;
}

export type PassRefusal = 'missing' | 'forged' | 'too fast' | 'expired' | 'replayed';

/** Why a pass is refused (null: accepted, and never again). */
export async function checkPass(strapi: Core.Strapi, value: unknown, now = Date.now()): Promise<PassRefusal | null> {
  if (typeof value !== 'string' || value.length > 200) return 'missing';
  const [issued = '', nonce = '', signature = ''] = value.split('.');
  const expected = Buffer.from(sign(keyOf(strapi), `${issued}.${nonce}`));
  const given = Buffer.from(signature);
  if (!nonce || given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  const age = now - parseInt(issued, 36);
  if (!(age >= PASS_MIN_AGE_MS)) return age < PASS_MIN_AGE_MS ? 'too fast' : 'forged';
  if (age > PASS_MAX_AGE_MS) return 'expired';
  return (await replayStore(strapi).firstSeen(`pass:${nonce}`)) ? null : 'replayed';
}
