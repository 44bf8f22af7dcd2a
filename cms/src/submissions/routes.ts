import type { Core } from '@strapi/strapi';
import {
  checkQuestionSubmission,
  questionFormText,
  sameSitePath,
  submissionMessage,
  type SubmissionField,
  type SubmissionLang,
} from '@sito/shared';
import { bookingRoutes } from '../bookings/routes';
import { offerRoutes } from '../offers/routes';
import { notifyNewQuestion } from '../mail';
import { THEMATIC_AREA } from '../tenancy/scope';
import { formPage, type FormPage } from './form-page';
import {
  checkHuman,
  findHub,
  isPlainFormPost,
  rateLimiter,
  readForm,
  refuse,
  sendHtml,
  trapFilled,
  type Context,
} from './http';
import { issuePass } from './pass';
import { newChallenge } from './proof';
import { storeQuestion } from './store-question';

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

function submissionRoutes(strapi: Core.Strapi) {
  const challenge = async (ctx: Context) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await newChallenge(strapi);
  };

  const limitRate = rateLimiter(strapi);

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
    sendHtml(
      ctx,
      status,
      formPage({ ...page, areas: await areasFor(page.lang), pass: status === 200 ? issuePass(strapi) : undefined }),
    );
  };

  const question = async (ctx: Context) => {
    const form = readForm(ctx);
    if (!form) return;
    const { input, lang } = form;
    const html = isPlainFormPost(ctx);
    const hub = await findHub(strapi, input.hub);
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
      html && hub ? answerPage(ctx, 400, page(problems)) : refuse(ctx, 400, problems);

    if (trapFilled(input)) return refuseFields({ website: submissionMessage(lang, 'website') });
    const checked = checkQuestionSubmission(input);
    if ('problems' in checked) return refuseFields(checked.problems);
    const { data } = checked;

    const human = await checkHuman(strapi, input, html && Boolean(hub), 'question', questionFormText(lang));
    // No proof of work: the browser ran no script. The person checks and confirms instead.
    if ('confirm' in human) return answerPage(ctx, 200, page({}, human.confirm));
    if ('refused' in human) return refuseFields({ altcha: submissionMessage(lang, 'altcha') });

    if (!hub) return refuse(ctx, 400, { hub: submissionMessage(lang, 'hub') });
    let area: { documentId: string } | null = null;
    if (data.area) {
      area = (await strapi.db.query(THEMATIC_AREA).findOne({
        where: { slug: data.area, locale: 'it' },
        select: ['documentId'],
      })) as { documentId: string } | null;
      if (!area) return refuseFields({ area: submissionMessage(lang, 'area') });
    }

    const limited = await limitRate(ctx, data.hub, lang);
    // Without JavaScript the form comes back filled in, so nothing typed is lost.
    if (limited) return html ? answerPage(ctx, 429, page({}, limited)) : refuse(ctx, 429, {}, limited);

    const created = await storeQuestion(strapi, {
      lang: data.lang,
      question: data.question,
      territoryDocumentId: hub.documentId,
      areaDocumentId: area?.documentId ?? null,
      email: data.email ?? null,
      age: data.age ?? null,
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
    ...bookingRoutes(strapi),
    ...offerRoutes(strapi),
  ].map((route) => ({ ...route, config: { auth: false as const } }));
}

export function registerSubmissionRoutes(strapi: Core.Strapi): void {
  strapi.server.routes({ type: 'content-api', prefix: '/sito/submissions', routes: submissionRoutes(strapi) } as never);
}
