import type { Core } from '@strapi/strapi';
import type { SubmissionLang } from '@sito/shared';
import { cmsEnv } from '../cms-env';
import { TERRITORY } from '../tenancy/scope';
import { clientAddress, trustedProxies } from './client-address';
import { checkPass } from './pass';
import { checkProof } from './proof';
import { rateLimits, rateStore } from './rates';

/** What the public form endpoints (./routes.ts, ../bookings/routes.ts) read and answer, as Koa gives it. */
export type Context = {
  request: {
    body?: unknown;
    headers: Record<string, string | string[] | undefined>;
    ip: string;
    socket?: { remoteAddress?: string | undefined };
    is(...types: string[]): string | false | null;
  };
  query: Record<string, unknown>;
  accepts(...types: string[]): string | false;
  set(name: string, value: string): void;
  redirect(url: string): void;
  status: number;
  body: unknown;
  type: string;
};

/** A form and its few fields, with room to spare: anything bigger is not a person typing. */
export const MAX_BODY_BYTES = 16_384;

export interface Hub {
  documentId: string;
  slug: string;
  name: string;
  primaryColor: string | null;
}

/** The JSON answer to a refused request: every problem by field, and one message. */
export function refuse<Field extends string>(
  ctx: Context,
  status: number,
  fields: Partial<Record<Field, string>>,
  message?: string,
): void {
  ctx.status = status;
  ctx.body = {
    error: { status, message: message ?? Object.values(fields).join(' '), details: { fields } },
  };
}

/** The request's fields and language; null (and a 413 answered) when the body is too big. */
export function readForm(ctx: Context): { input: Record<string, unknown>; lang: SubmissionLang } | null {
  const body = ctx.request.body;
  const input = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const lang: SubmissionLang = input.lang === 'en' ? 'en' : 'it';
  if (Number(ctx.request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    refuse(ctx, 413, {}, lang === 'en' ? 'The request is too large.' : 'La richiesta è troppo grande.');
    return null;
  }
  return { input, lang };
}

/** A browser's own form post, not a page's script (which sends JSON and asks for JSON). */
export const isPlainFormPost = (ctx: Context): boolean =>
  Boolean(ctx.request.is('urlencoded', 'multipart')) && ctx.accepts('json', 'html') === 'html';

/** The honeypot field was filled in: a person never sees it. */
export const trapFilled = (input: Record<string, unknown>): boolean =>
  typeof input.website === 'string' ? input.website.trim() !== '' : input.website !== undefined;

/** A published hub by slug. */
export async function findHub(strapi: Core.Strapi, slug: unknown): Promise<Hub | null> {
  return (await strapi.db.query(TERRITORY).findOne({
    where: { slug: typeof slug === 'string' ? slug : '', kind: 'hub', publishedAt: { $notNull: true } },
    select: ['documentId', 'slug', 'name', 'primaryColor'],
  })) as Hub | null;
}

export function sendHtml(ctx: Context, status: number, page: { html: string; policy: string }): void {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Content-Security-Policy', page.policy);
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = page.html;
}

/**
 * Counts one submission from the client's address and for the hub's territory; answers the message
 * to show when a limit is reached (with Retry-After set), or null.
 */
export function rateLimiter(strapi: Core.Strapi) {
  const trusted = trustedProxies(cmsEnv().SITO_TRUSTED_PROXIES);
  const limits = rateLimits(cmsEnv());
  return async (ctx: Context, hub: string, lang: SubmissionLang): Promise<string | null> => {
    const address = clientAddress(
      ctx.request.socket?.remoteAddress ?? ctx.request.ip,
      ctx.request.headers['x-forwarded-for'],
      trusted,
    );
    const limited = await rateStore(strapi).take([
      { key: `address:${address}`, ...limits.address },
      { key: `territory:${hub}`, ...limits.territory },
    ]);
    if (!limited) return null;
    const minutes = limited.startsWith('address:') ? limits.address.minutes : limits.territory.minutes;
    ctx.set('Retry-After', String(minutes * 60));
    return lang === 'en'
      ? `Too many messages in a short time: try again in ${minutes} minutes.`
      : `Troppi messaggi in poco tempo: riprova tra ${minutes} minuti.`;
  };
}

/**
 * Whether a person sent the form: with JavaScript, the proof of work (single use); a plain form
 * post without one is confirmed instead, on a page carrying a pass (./pass.ts). Answers `passed`,
 * `confirm` (show the page to confirm, with the notice for a refused pass, if any) or `refused`.
 */
export async function checkHuman(
  strapi: Core.Strapi,
  input: Record<string, unknown>,
  plainForm: boolean,
  what: string,
  words: { tooFast: string; expired: string },
): Promise<{ passed: true } | { confirm: string | undefined } | { refused: true }> {
  if (plainForm && input.altcha === undefined) {
    const refusedPass = await checkPass(strapi, input.pass);
    if (!refusedPass) return { passed: true };
    if (refusedPass !== 'missing') strapi.log.info(`[sito] a ${what} to confirm again: pass ${refusedPass}`);
    return {
      confirm: refusedPass === 'missing' ? undefined : refusedPass === 'too fast' ? words.tooFast : words.expired,
    };
  }
  const refusedProof = await checkProof(strapi, input.altcha);
  if (!refusedProof) return { passed: true };
  strapi.log.info(`[sito] refused a ${what}: proof of work ${refusedProof}`);
  return { refused: true };
}
