import type { Core } from '@strapi/strapi';
import {
  bookableSlots,
  BOOKING_FORM_FIELDS,
  bookingFormText,
  bookingMessage,
  bookingPaths,
  checkBookingSubmission,
  contactPointSchema,
  formatDay,
  sameSitePath,
  type BookingField,
  type BookingMode,
  type BookingService,
  type ContactPoint,
  type SubmissionLang,
} from '@sito/shared';
import { publicHoliday } from '@sito/shared/seed';
import { notifyBookingCancelledByPerson } from '../mail/bookings';
import { validCancelToken } from './cancel-token';
import { issuePass } from '../submissions/pass';
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
  type Hub,
} from '../submissions/http';
import { TERRITORY } from '../tenancy/scope';
import { BOOKING } from './middleware';
import { bookingFormPage, cancelPage, type BookingPage } from './pages';
import { takenSlots } from './slots';

/**
 * «Prenota», the online desk, on the same public prefix as «Fai una domanda» (../submissions/routes.ts):
 * - `GET /api/sito/submissions/slots?hub=cremona`: the hub's contact points and their free slots;
 * - `POST /api/sito/submissions/bookings`: a booking request, checked like a question (size,
 *   honeypot, fields, proof of work or the no-JS pass, rates); 409 when the slot was just taken;
 * - `GET|POST /api/sito/submissions/bookings/cancel`: the link in the booking's mail, signed.
 * A booking is stored as `api::booking.booking` of the hub's territory, state «requested»; the
 * operator confirms it or moves it in the admin, and the person is mailed (../mail/bookings.ts).
 */
/** The hub's contact points that keep weekly hours, each with the slots still free. */
export async function pointsWithSlots(
  strapi: Core.Strapi,
  hub: Pick<Hub, 'documentId'>,
  now = new Date(),
): Promise<Array<{ name: string; slots: ReturnType<typeof bookableSlots> }>> {
  const territory = (await strapi.db.query(TERRITORY).findOne({
    where: { documentId: hub.documentId, publishedAt: { $notNull: true } },
    populate: { contactPoints: { populate: { openingHours: true, exceptions: true, socialLinks: true } } },
  })) as { contactPoints?: unknown[] } | null;
  const points = (territory?.contactPoints ?? []).flatMap((raw) => {
    const parsed = contactPointSchema.safeParse(raw);
    return parsed.success && parsed.data.openingHours.length > 0 ? [parsed.data] : [];
  });
  return Promise.all(
    points.map(async (point: ContactPoint) => ({
      name: point.name,
      slots: bookableSlots(point, {
        now,
        taken: await takenSlots(strapi, hub.documentId, point.name, now),
        closedOn: (date) => publicHoliday(date) !== null,
      }),
    })),
  );
}

export function bookingRoutes(strapi: Core.Strapi) {
  const limitRate = rateLimiter(strapi);

  const slots = async (ctx: Context) => {
    ctx.set('Cache-Control', 'no-store');
    const hub = await findHub(strapi, ctx.query.hub);
    if (!hub) return refuse(ctx, 400, { hub: bookingMessage(ctx.query.lang === 'en' ? 'en' : 'it', 'hub') });
    const lang: SubmissionLang = ctx.query.lang === 'en' ? 'en' : 'it';
    // Each slot with its day as the reader reads it: the hub's script groups the slots by it.
    const points = (await pointsWithSlots(strapi, hub)).map((point) => ({
      ...point,
      slots: point.slots.map((slot) => ({ ...slot, day: formatDay(slot.date, lang) })),
    }));
    ctx.body = { data: { points } };
  };

  const book = async (ctx: Context) => {
    const form = readForm(ctx);
    if (!form) return;
    const { input, lang } = form;
    const html = isPlainFormPost(ctx);
    const hub = await findHub(strapi, input.hub);
    const text = (field: string) => (typeof input[field] === 'string' ? (input[field] as string) : undefined);
    const answerPage = async (
      status: number,
      problems: BookingPage['problems'],
      notice?: string,
      slot = text('slot'),
    ): Promise<void> =>
      sendHtml(
        ctx,
        status,
        bookingFormPage({
          lang,
          hub: hub!,
          points: await pointsWithSlots(strapi, hub!),
          values: {
            point: text('point'),
            service: text('service'),
            mode: text('mode'),
            slot,
            name: text('name'),
            email: text('email'),
            note: text('note'),
            consent: input.consent === 'on' || input.consent === 'true',
          },
          problems,
          notice,
          // A form with problems is sent again, with a new pass: the person still confirms by hand.
          pass: issuePass(strapi),
          done: sameSitePath(input.done, bookingPaths(hub!.slug, lang).sent),
        }),
      );
    const refuseFields = (problems: Partial<Record<BookingField, string>>, status = 400) =>
      html && hub ? answerPage(status, problems) : refuse(ctx, status, problems);

    if (trapFilled(input)) return refuseFields({ website: bookingMessage(lang, 'website') });
    const checked = checkBookingSubmission(input);
    // Without JavaScript the first post has no slot yet: the page lists them (no problem shown for it).
    if ('problems' in checked) {
      const { slot: _missingSlot, ...others } = checked.problems;
      if (html && hub && input.slot === undefined && Object.keys(others).length === 0) return answerPage(200, {});
      // A page's script shows the slots: there a missing one is a problem like any other.
      const slotMissing = !html && input.slot === undefined ? { slot: bookingMessage(lang, 'slot') } : {};
      const problems: Partial<Record<BookingField, string>> = { ...checked.problems, ...slotMissing };
      // In the form's order: the summary lists them as the reader meets the fields.
      return refuseFields(
        Object.fromEntries(BOOKING_FORM_FIELDS.flatMap((field) => (problems[field] ? [[field, problems[field]]] : []))),
      );
    }
    const { data } = checked;

    const human = await checkHuman(strapi, input, html && Boolean(hub), 'booking', bookingFormText(lang));
    if ('confirm' in human) return answerPage(200, {}, human.confirm);
    if ('refused' in human) return refuseFields({ altcha: bookingMessage(lang, 'altcha') });
    if (!hub) return refuse(ctx, 400, { hub: bookingMessage(lang, 'hub') });

    const points = await pointsWithSlots(strapi, hub);
    const point = points.find((candidate) => candidate.name === data.point);
    if (!point) return refuseFields({ point: bookingMessage(lang, 'point') });
    const slot = data.slot ? point.slots.find((candidate) => candidate.startsAt === data.slot) : undefined;
    if (!slot) return refuseFields({ slot: bookingMessage(lang, data.slot ? 'taken' : 'slot') }, data.slot ? 409 : 400);

    const limited = await limitRate(ctx, data.hub, lang);
    if (limited) return html ? answerPage(429, {}, limited) : refuse(ctx, 429, {}, limited);

    let created: { documentId: string };
    try {
      created = (await strapi.documents(BOOKING).create({
        data: {
          state: 'requested',
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          contactPoint: point.name,
          service: data.service,
          mode: data.mode,
          name: data.name,
          email: data.email,
          note: data.note ?? null,
          language: data.lang,
          consentAt: new Date().toISOString(),
          territory: hub.documentId,
        },
      } as never)) as { documentId: string };
    } catch (error) {
      // Two people sent the same slot at once: the slot table let one through (./slots.ts).
      if ((error as Error).message.includes(bookingMessage('it', 'taken'))) {
        strapi.log.info(`[sito] a booking of ${hub.slug} lost its slot ${slot.startsAt} to another`);
        return html
          ? answerPage(409, { slot: bookingMessage(lang, 'taken') }, undefined, '')
          : refuseFields({ slot: bookingMessage(lang, 'taken') }, 409);
      }
      throw error;
    }
    strapi.log.info(`[sito] booking ${created.documentId} received for ${hub.slug}`);
    if (html) {
      ctx.status = 303;
      ctx.redirect(sameSitePath(input.done, bookingPaths(hub.slug, lang).sent));
      return;
    }
    ctx.status = 201;
    ctx.body = { data: { received: true, startsAt: slot.startsAt } };
  };

  /** The booking behind a cancel link, with its hub; null when the link is not one we signed. */
  const linked = async (booking: unknown, token: unknown) => {
    if (!validCancelToken(strapi, booking, token)) return null;
    const row = (await strapi.db.query(BOOKING).findOne({
      where: { documentId: booking },
      select: ['documentId', 'state', 'startsAt', 'contactPoint', 'service', 'mode', 'language'],
      populate: { territory: { select: ['documentId', 'slug', 'name', 'primaryColor'] } },
    })) as {
      documentId: string;
      state: string;
      startsAt: string;
      contactPoint: string;
      service: BookingService;
      mode: BookingMode;
      language: SubmissionLang;
      territory: Hub | null;
    } | null;
    return row?.territory ? { ...row, territory: row.territory } : null;
  };

  const networkHub = { slug: '', name: 'SITO Giovani', primaryColor: null };
  const cancelAnswer = async (ctx: Context, method: 'GET' | 'POST') => {
    const params = method === 'GET' ? ctx.query : ((ctx.request.body ?? {}) as Record<string, unknown>);
    const lang: SubmissionLang = params.lang === 'en' ? 'en' : 'it';
    const booking = await linked(params.booking, params.token);
    if (!booking) return sendHtml(ctx, 404, cancelPage({ lang, hub: networkHub, state: 'bad-link' }));
    const page = {
      lang: booking.language,
      hub: booking.territory,
      booking: {
        startsAt: new Date(booking.startsAt).toISOString(),
        contactPoint: booking.contactPoint,
        service: booking.service,
        mode: booking.mode,
      },
    };
    if (booking.state === 'cancelled') return sendHtml(ctx, 200, cancelPage({ ...page, state: 'cancelled' }));
    if (method === 'GET')
      return sendHtml(
        ctx,
        200,
        cancelPage({ ...page, state: 'ask', link: { booking: booking.documentId, token: String(params.token) } }),
      );
    await strapi.documents(BOOKING).update({
      documentId: booking.documentId,
      // Who cancelled knows: the mail goes to the operators instead (../mail/bookings.ts).
      data: { state: 'cancelled', notifiedState: `cancelled|${page.booking.startsAt}` },
    } as never);
    strapi.log.info(`[sito] booking ${booking.documentId} cancelled by who booked it`);
    notifyBookingCancelledByPerson(strapi, booking.documentId);
    return sendHtml(ctx, 200, cancelPage({ ...page, state: 'cancelled' }));
  };

  return [
    { method: 'GET', path: '/slots', handler: slots },
    { method: 'POST', path: '/bookings', handler: book },
    { method: 'GET', path: '/bookings/cancel', handler: (ctx: Context) => cancelAnswer(ctx, 'GET') },
    { method: 'POST', path: '/bookings/cancel', handler: (ctx: Context) => cancelAnswer(ctx, 'POST') },
  ];
}
