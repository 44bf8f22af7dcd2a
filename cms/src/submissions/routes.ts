import type { Core } from '@strapi/strapi';
import {
  checkQuestionSubmission,
  questionFormText,
  sameSitePath,
  submissionMessage,
  type SubmissionField,
  type SubmissionLang,
} from '@sito/shared';
import { cmsEnv } from '../cms-env';
import { notifyNewQuestion } from '../mail';
import { TERRITORY, THEMATIC_AREA } from '../tenancy/scope';
import { clientAddress, trustedProxies } from './client-address';
import { formPage, type FormPage } from './form-page';
import { checkPass, issuePass } from './pass';
import { checkProof, newChallenge } from './proof';
import { rateLimits, rateStore } from './rates';

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
 *
 * A form posted by a browser without JavaScript (form-encoded, asking for HTML) is answered in
 * HTML: the form again with its problems (400), a page to check and confirm it in place of the
 * proof of work (200, see pass.ts), or, once stored, a redirect (303) to the hub's page `done`.
 */
type Context = {
  request: {
    body?: unknown;
    headers: Record<string, string | string[] | undefined>;
    ip: string;
    socket?: { remoteAddress?: string | undefined };
    is(...types: string[]): string | false | null;
  };
  accepts(...types: string[]): string | false;
  set(name: string, value: string): void;
  redirect(url: string): void;
  status: number;
  body: unknown;
  type: string;
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

  const trusted = trustedProxies(cmsEnv().SITO_TRUSTED_PROXIES);
  const RATE_LIMITS = rateLimits(cmsEnv());

  const areasFor = async (lang: SubmissionLang): Promise<FormPage['areas']> => {
    const rows = (await strapi.db.query(THEMATIC_AREA).findMany({
      where: { locale: { $in: ['it', lang] }, publishedAt: { $notNull: true } },
      select: ['documentId', 'slug', 'name', 'locale', 'position'],
      orderBy: [{ position: 'asc' }, { name: 'asc' }],
    })) as Array<{ documentId: string; slug: string; name: string; locale: string }>;
    const names = new Map(rows.filter((row) => row.locale === lang).map((row) => [row.documentId, row.name]));
    return rows
      .filter((row) => row.locale === 'it')
      .map((row) => ({ slug: row.slug, name: names.get(row.documentId) ?? row.name }));
  };

  /** The HTML answer to a form sent without JavaScript. */
  const answerPage = async (ctx: Context, status: number, page: Omit<FormPage, 'areas' | 'pass'>): Promise<void> => {
    const { html, policy } = formPage({
      ...page,
      areas: await areasFor(page.lang),
      pass: status === 200 ? issuePass(strapi) : undefined,
    });
    ctx.status = status;
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Content-Security-Policy', policy);
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = html;
  };

  const question = async (ctx: Context) => {
    const body = ctx.request.body;
    const input = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    const lang: SubmissionLang = input.lang === 'en' ? 'en' : 'it';
    const size = Number(ctx.request.headers['content-length'] ?? 0);
    if (size > MAX_BODY_BYTES)
      return refuse(ctx, 413, lang, {}, lang === 'en' ? 'The request is too large.' : 'La richiesta è troppo grande.');

    // A browser's own form post, not the page's script (which sends JSON and asks for JSON).
    const html = Boolean(ctx.request.is('urlencoded', 'multipart')) && ctx.accepts('json', 'html') === 'html';
    const hub = (await strapi.db.query(TERRITORY).findOne({
      where: { slug: typeof input.hub === 'string' ? input.hub : '', kind: 'hub', publishedAt: { $notNull: true } },
      select: ['documentId', 'slug', 'name', 'primaryColor'],
    })) as { documentId: string; slug: string; name: string; primaryColor: string | null } | null;
    const text = (field: string) => (typeof input[field] === 'string' ? (input[field] as string) : undefined);
    const page = (problems: FormPage['problems'], notice?: string) => ({
      lang,
      hub: hub!,
      values: {
        question: text('question'),
        area: text('area'),
        age: text('age'),
        email: text('email'),
        consent: input.consent === 'on' || input.consent === 'true',
      },
      problems,
      notice,
      done: sameSitePath(input.done, `/${hub!.slug}/`),
    });
    const refuseFields = (problems: Partial<Record<SubmissionField, string>>) =>
      html && hub ? answerPage(ctx, 400, page(problems)) : refuse(ctx, 400, lang, problems);

    if (typeof input.website === 'string' ? input.website.trim() !== '' : input.website !== undefined)
      return refuseFields({ website: submissionMessage(lang, 'website') });
    const checked = checkQuestionSubmission(input);
    if ('problems' in checked) return refuseFields(checked.problems);
    const { data } = checked;

    if (html && hub && input.altcha === undefined) {
      // No proof of work: the browser ran no script. The person checks and confirms instead.
      const refusedPass = await checkPass(strapi, input.pass);
      if (refusedPass) {
        if (refusedPass !== 'missing') strapi.log.info(`[sito] a question to confirm again: pass ${refusedPass}`);
        const words = questionFormText(lang);
        const notice =
          refusedPass === 'missing' ? undefined : refusedPass === 'too fast' ? words.tooFast : words.expired;
        return answerPage(ctx, 200, page({}, notice));
      }
    } else {
      const refusedProof = await checkProof(strapi, input.altcha);
      if (refusedProof) {
        strapi.log.info(`[sito] refused a question: proof of work ${refusedProof}`);
        return refuseFields({ altcha: submissionMessage(lang, 'altcha') });
      }
    }

    if (!hub) return refuse(ctx, 400, lang, { hub: submissionMessage(lang, 'hub') });
    let area: { documentId: string } | null = null;
    if (data.area) {
      area = (await strapi.db.query(THEMATIC_AREA).findOne({
        where: { slug: data.area, locale: 'it' },
        select: ['documentId'],
      })) as { documentId: string } | null;
      if (!area) return refuseFields({ area: submissionMessage(lang, 'area') });
    }

    const address = clientAddress(
      ctx.request.socket?.remoteAddress ?? ctx.request.ip,
      ctx.request.headers['x-forwarded-for'],
      trusted,
    );
    const limited = await rateStore(strapi).take([
      { key: `address:${address}`, ...RATE_LIMITS.address },
      { key: `territory:${data.hub}`, ...RATE_LIMITS.territory },
    ]);
    if (limited) {
      const minutes = limited.startsWith('address:') ? RATE_LIMITS.address.minutes : RATE_LIMITS.territory.minutes;
      ctx.set('Retry-After', String(minutes * 60));
      const message =
        lang === 'en'
          ? `Too many messages in a short time: try again in ${minutes} minutes.`
          : `Troppi messaggi in poco tempo: riprova tra ${minutes} minuti.`;
      // Without JavaScript the form comes back filled in, so nothing typed is lost.
      return html ? answerPage(ctx, 429, page({}, message)) : refuse(ctx, 429, lang, {}, message);
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
    notifyNewQuestion(
      strapi,
      { documentId: created.documentId, text: data.question, locale: data.lang, area: data.area ?? null },
      hub,
    );
    if (html) {
      ctx.status = 303;
      ctx.redirect(page({}).done);
      return;
    }
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
