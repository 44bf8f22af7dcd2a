import type { Core } from '@strapi/strapi';
import { checkQuestionSubmission, submissionMessage, type SubmissionField, type SubmissionLang } from '@sito/shared';
import { TERRITORY, THEMATIC_AREA } from '../tenancy/scope';
import { checkProof, newChallenge } from './proof';
import { RATE_LIMITS, rateStore } from './rates';

/**
 * The public endpoints the hubs' forms call (content API, no token: the hubs are static):
 * `GET /api/sito/submissions/challenge`, a proof-of-work challenge, and
 * `POST /api/sito/submissions/questions`, «Fai una domanda». A question becomes a draft `question`
 * of the hub's territory; who asked (an email to tell them the answer is out, an age) is stored
 * apart, in `personal-contact`, which no public route reads and no build fetches.
 *
 * Checked in this order, and nothing is stored from a refused request: size, the honeypot field,
 * the fields (400, each problem named by field, in the form's language), the proof of work
 * (single use), the hub and area, then the rate limits per address and per territory (429).
 */
type Context = {
  request: { body?: unknown; headers: Record<string, string | string[] | undefined>; ip: string };
  set(name: string, value: string): void;
  status: number;
  body: unknown;
};

const QUESTION = 'api::question.question';
const CONTACT = 'api::personal-contact.personal-contact';
/** A question and its few fields, with room to spare: anything bigger is not a person typing. */
export const MAX_BODY_BYTES = 16_384;

const refuse = (
  ctx: Context,
  status: number,
  lang: SubmissionLang,
  fields: Partial<Record<SubmissionField, string>>,
  message?: string,
) => {
  ctx.status = status;
  ctx.body = {
    error: { status, message: message ?? Object.values(fields).join(' '), details: { fields } },
  };
};

function submissionRoutes(strapi: Core.Strapi) {
  const challenge = async (ctx: Context) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await newChallenge(strapi);
  };

  const question = async (ctx: Context) => {
    const body = ctx.request.body;
    const input = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    const lang: SubmissionLang = input.lang === 'en' ? 'en' : 'it';
    const size = Number(ctx.request.headers['content-length'] ?? 0);
    if (size > MAX_BODY_BYTES)
      return refuse(ctx, 413, lang, {}, lang === 'en' ? 'The request is too large.' : 'La richiesta è troppo grande.');
    if (typeof input.website === 'string' ? input.website.trim() !== '' : input.website !== undefined)
      return refuse(ctx, 400, lang, { website: submissionMessage(lang, 'website') });
    const checked = checkQuestionSubmission(input);
    if ('problems' in checked) return refuse(ctx, 400, checked.lang, checked.problems);
    const { data } = checked;

    const refusedProof = await checkProof(strapi, input.altcha);
    if (refusedProof) {
      strapi.log.info(`[sito] refused a question: proof of work ${refusedProof}`);
      return refuse(ctx, 400, lang, { altcha: submissionMessage(lang, 'altcha') });
    }

    const hub = (await strapi.db.query(TERRITORY).findOne({
      where: { slug: data.hub, kind: 'hub', publishedAt: { $notNull: true } },
      select: ['documentId'],
    })) as { documentId: string } | null;
    if (!hub) return refuse(ctx, 400, lang, { hub: submissionMessage(lang, 'hub') });
    let area: { documentId: string } | null = null;
    if (data.area) {
      area = (await strapi.db.query(THEMATIC_AREA).findOne({
        where: { slug: data.area, locale: 'it' },
        select: ['documentId'],
      })) as { documentId: string } | null;
      if (!area) return refuse(ctx, 400, lang, { area: submissionMessage(lang, 'area') });
    }

    const limited = await rateStore(strapi).take([
      { key: `address:${ctx.request.ip}`, ...RATE_LIMITS.address },
      { key: `territory:${data.hub}`, ...RATE_LIMITS.territory },
    ]);
    if (limited) {
      const minutes = limited.startsWith('address:') ? RATE_LIMITS.address.minutes : RATE_LIMITS.territory.minutes;
      ctx.set('Retry-After', String(minutes * 60));
      return refuse(
        ctx,
        429,
        lang,
        {},
        lang === 'en'
          ? `Too many messages in a short time: try again in ${minutes} minutes.`
          : `Troppi messaggi in poco tempo: riprova tra ${minutes} minuti.`,
      );
    }

    // One transaction: a question never exists without its contact, nor a contact without its question.
    const created = await strapi.db.transaction(async () => {
      const entry = (await strapi.documents(QUESTION).create({
        locale: data.lang,
        data: {
          question: data.question,
          territory: hub.documentId,
          thematicArea: area?.documentId ?? null,
          regional: false,
          toReview: true,
        },
      } as never)) as { documentId: string };
      await strapi.documents(CONTACT).create({
        data: {
          purpose: 'question',
          email: data.email ?? null,
          age: data.age ?? null,
          language: data.lang,
          consentAt: new Date().toISOString(),
          question: entry.documentId,
          territory: hub.documentId,
        },
      } as never);
      return entry;
    });
    strapi.log.info(`[sito] question ${created.documentId} received for ${data.hub}`);
    ctx.status = 201;
    ctx.body = { data: { received: true, answerByEmail: Boolean(data.email) } };
  };

  return [
    { method: 'GET', path: '/challenge', handler: challenge },
    { method: 'POST', path: '/questions', handler: question },
  ].map((route) => ({ ...route, config: { auth: false as const } }));
}

export function registerSubmissionRoutes(strapi: Core.Strapi): void {
  strapi.server.routes({ type: 'content-api', prefix: '/sito/submissions', routes: submissionRoutes(strapi) } as never);
}
