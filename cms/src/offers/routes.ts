import type { Core } from '@strapi/strapi';
import {
  checkOfferSubmission,
  offerFormText,
  offerMessage,
  offerPaths,
  OFFER_FORM_FIELDS,
  OFFER_RULES,
  sameSitePath,
  type OfferField,
} from '@sito/shared';
import { notifyNewOffer } from '../mail/offers';
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
} from '../submissions/http';
import { issuePass } from '../submissions/pass';
import { offerFormPage, type OfferPage } from './pages';

/**
 * «Pubblica un'offerta», on the same public prefix as «Fai una domanda» (../submissions/routes.ts):
 * `POST /api/sito/submissions/offers`, checked like a question (size, honeypot, fields, proof of
 * work or the no-JS pass, rates). An offer is stored as a draft opportunity of the hub's territory,
 * marked `fromSubmission` and to review; who sent it (the organisation's VAT number, a name, an
 * email) as a private contact of that territory. Both in one transaction.
 */
const OPPORTUNITY = 'api::opportunity.opportunity';
const CONTACT = 'api::personal-contact.personal-contact';
/** A plain text as Strapi blocks: a paragraph per line. */
const paragraphs = (text: string | undefined) =>
  text
    ? text
        .split(/\n+/)
        .filter((line) => line.trim())
        .map((line) => ({ type: 'paragraph', children: [{ type: 'text', text: line.trim() }] }))
    : null;

export function offerRoutes(strapi: Core.Strapi) {
  const limitRate = rateLimiter(strapi);

  const offer = async (ctx: Context) => {
    const form = readForm(ctx);
    if (!form) return;
    const { input, lang } = form;
    const html = isPlainFormPost(ctx);
    const hub = await findHub(strapi, input.hub);
    const values: OfferPage['values'] = {
      ...Object.fromEntries(
        OFFER_FORM_FIELDS.flatMap((field) => (typeof input[field] === 'string' ? [[field, input[field]]] : [])),
      ),
      consent: input.consent === 'on' || input.consent === 'true',
    };
    const done = () => sameSitePath(input.done, offerPaths(hub!.slug, lang).sent);
    const answerPage = (status: number, problems: OfferPage['problems'], notice?: string) =>
      sendHtml(
        ctx,
        status,
        offerFormPage({
          lang,
          hub: hub!,
          values,
          problems,
          notice,
          pass: status === 200 ? issuePass(strapi) : undefined,
          done: done(),
        }),
      );
    const refuseFields = (problems: Partial<Record<OfferField, string>>) =>
      html && hub ? answerPage(400, problems) : refuse(ctx, 400, problems);

    if (trapFilled(input)) return refuseFields({ website: offerMessage(lang, 'website') });
    const checked = checkOfferSubmission(input);
    if ('problems' in checked) return refuseFields(checked.problems);
    const { data } = checked;

    const human = await checkHuman(strapi, input, html && Boolean(hub), 'offer', offerFormText(lang));
    if ('confirm' in human) return answerPage(200, {}, human.confirm);
    if ('refused' in human) return refuseFields({ altcha: offerMessage(lang, 'altcha') });
    if (!hub) return refuse(ctx, 400, { hub: offerMessage(lang, 'hub') });

    const limited = await limitRate(ctx, data.hub, lang);
    if (limited) return html ? answerPage(429, {}, limited) : refuse(ctx, 429, {}, limited);

    // One transaction: an offer never exists without who sent it, nor the contact without its offer.
    const created = await strapi.db.transaction(async () => {
      const entry = (await strapi.documents(OPPORTUNITY).create({
        locale: data.lang,
        data: {
          kind: data.kind,
          title: data.title,
          summary: data.summary,
          body: paragraphs(data.description),
          organisation: data.organisation,
          municipality: data.municipality ?? null,
          remote: data.remote,
          ageMin: OFFER_RULES.ageMin,
          ageMax: OFFER_RULES.ageMax,
          applyUrl: data.applyUrl ?? null,
          applyEmail: data.applyEmail ?? null,
          deadline: data.deadline ?? null,
          territory: hub.documentId,
          regional: false,
          toReview: true,
          fromSubmission: true,
        },
      } as never)) as { documentId: string };
      await strapi.documents(CONTACT).create({
        data: {
          purpose: 'offer',
          email: data.contactEmail,
          name: data.contactName,
          organisation: data.organisation,
          vatNumber: data.vatNumber,
          language: data.lang,
          consentAt: new Date().toISOString(),
          opportunity: entry.documentId,
          territory: hub.documentId,
        },
      } as never);
      return entry;
    });
    strapi.log.info(`[sito] offer ${created.documentId} received for ${data.hub}`);
    notifyNewOffer(
      strapi,
      { documentId: created.documentId, title: data.title, organisation: data.organisation, locale: data.lang },
      hub,
    );
    if (html) {
      ctx.status = 303;
      ctx.redirect(done());
      return;
    }
    ctx.status = 201;
    ctx.body = { data: { received: true } };
  };

  return [{ method: 'POST', path: '/offers', handler: offer }];
}
