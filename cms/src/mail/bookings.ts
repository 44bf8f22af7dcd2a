import type { Core, Modules } from '@strapi/strapi';
import { createEvent } from 'ics';
import {
  contactPointSchema,
  formatSlot,
  modeLabel,
  serviceLabel,
  type BookingMode,
  type BookingService,
  type BookingStatus,
  type SubmissionLang,
} from '@sito/shared';
import { cancelLink } from '../bookings/cancel-token';
import { cmsEnv } from '../cms-env';
import { TERRITORY } from '../tenancy/scope';
import { adminUrl, afterCommit, afterRequest, operatorsOf, sendMail } from './index';

/**
 * The mail of «Prenota» (cms/src/bookings):
 * - to the territory's operators: a new booking to confirm, and a booking its person cancelled;
 * - to who booked, whenever what they were last told changes (`notifiedState`, «state|start»):
 *   the request received, the appointment confirmed, moved to another time, or cancelled by the
 *   office. Each carries the appointment as an iCalendar event (one UID per booking, so a calendar
 *   updates the same event) and, while it stands, the link to cancel it.
 * As for questions (./index.ts), mail is sent after the write commits and never fails it.
 */
const BOOKING = 'api::booking.booking';

interface StoredBooking {
  id: number;
  documentId: string;
  state: BookingStatus;
  startsAt: string;
  endsAt: string;
  contactPoint: string;
  service: BookingService;
  mode: BookingMode;
  name: string;
  email: string;
  note: string | null;
  operatorMessage: string | null;
  language: SubmissionLang;
  notifiedState: string | null;
  territory: { documentId: string; name: string; contactPoints?: unknown[] } | null;
}

async function storedBooking(strapi: Core.Strapi, documentId: string): Promise<StoredBooking | null> {
  const row = (await strapi.db.query(BOOKING).findOne({
    where: { documentId },
    populate: { territory: { select: ['documentId', 'name'] } },
  })) as StoredBooking | null;
  if (!row?.territory) return row;
  // The address of the contact point, from the territory's published version (what the hub shows).
  const territory = (await strapi.db.query(TERRITORY).findOne({
    where: { documentId: row.territory.documentId, publishedAt: { $notNull: true } },
    populate: { contactPoints: { populate: { openingHours: true, exceptions: true, socialLinks: true } } },
  })) as { contactPoints?: unknown[] } | null;
  return { ...row, territory: { ...row.territory, contactPoints: territory?.contactPoints ?? [] } };
}

const iso = (value: string | Date): string => new Date(value).toISOString();
const stateOf = (booking: Pick<StoredBooking, 'state' | 'startsAt'>): string =>
  `${booking.state}|${iso(booking.startsAt)}`;

type News = 'received' | 'confirmed' | 'moved' | 'cancelled';

/** What changed since who booked was last told, or null when nothing did. */
export function newsFor(booking: Pick<StoredBooking, 'state' | 'startsAt' | 'notifiedState'>): News | null {
  const state = stateOf(booking);
  if (booking.notifiedState === state) return null;
  if (booking.state === 'cancelled') return booking.notifiedState ? 'cancelled' : null;
  const toldStart = booking.notifiedState?.split('|')[1];
  if (toldStart && toldStart !== iso(booking.startsAt)) return 'moved';
  return booking.state === 'confirmed' ? 'confirmed' : 'received';
}

const WORDS = {
  it: {
    subject: {
      received: 'Abbiamo ricevuto la tua richiesta di appuntamento',
      confirmed: 'Appuntamento confermato',
      moved: 'Ti proponiamo un altro orario per l’appuntamento',
      cancelled: 'Appuntamento annullato',
    },
    lead: {
      received: (office: string) =>
        `${office} ha ricevuto la tua richiesta. Un operatore la conferma o ti propone un altro orario: ti scriviamo di nuovo.`,
      confirmed: (office: string) => `${office} ha confermato il tuo appuntamento.`,
      moved: (office: string) =>
        `${office} ti propone un altro orario. Se non ti va bene, annulla con il link qui sotto e prenotane un altro, o rispondi a questa email.`,
      cancelled: (office: string) =>
        `${office} ha dovuto annullare il tuo appuntamento. Ci scusiamo: puoi prenotarne un altro sul sito.`,
    },
    hello: (name: string) => `Ciao ${name},`,
    when: 'Quando',
    where: 'Dove',
    online: 'online: l’operatore ti manda il link per la videochiamata',
    service: 'Per',
    message: 'Messaggio dell’operatore',
    calendar: 'In allegato trovi l’appuntamento da aggiungere al tuo calendario.',
    cancel: 'Se non puoi venire, annulla qui: l’orario torna libero per un’altra persona.',
    why: 'Ti scriviamo perché hai prenotato un appuntamento sul sito. I tuoi dati sono cancellati dopo l’appuntamento.',
  },
  en: {
    subject: {
      received: 'We have received your appointment request',
      confirmed: 'Appointment confirmed',
      moved: 'We propose another time for your appointment',
      cancelled: 'Appointment cancelled',
    },
    lead: {
      received: (office: string) =>
        `${office} has received your request. An operator confirms it or proposes another time: we will write again.`,
      confirmed: (office: string) => `${office} has confirmed your appointment.`,
      moved: (office: string) =>
        `${office} proposes another time. If it does not suit you, cancel with the link below and book another one, or reply to this email.`,
      cancelled: (office: string) =>
        `${office} had to cancel your appointment. We are sorry: you can book another one on the website.`,
    },
    hello: (name: string) => `Hello ${name},`,
    when: 'When',
    where: 'Where',
    online: 'online: the operator sends you the link to the video call',
    service: 'For',
    message: 'Message from the operator',
    calendar: 'The appointment is attached, to add to your calendar.',
    cancel: 'If you cannot come, cancel here: the time becomes free for someone else.',
    why: 'We are writing because you booked an appointment on the website. Your data is erased after the appointment.',
  },
} as const;

/** Where the appointment is: the contact point's address, or online. */
function placeOf(booking: StoredBooking): string {
  const words = WORDS[booking.language] ?? WORDS.it;
  if (booking.mode === 'online') return words.online;
  const point = (booking.territory?.contactPoints ?? [])
    .map((raw) => contactPointSchema.safeParse(raw))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
    .find((candidate) => candidate.name === booking.contactPoint);
  return point ? `${point.name}, ${point.address}, ${point.municipality}` : booking.contactPoint;
}

/** The appointment as an iCalendar file (RFC 5545), the same UID for every mail of one booking. */
export function bookingEvent(booking: StoredBooking, news: News, sequence: number): string | null {
  const lang = booking.language ?? 'it';
  const { error, value } = createEvent({
    productId: 'sitogiovani/prenota',
    method: news === 'cancelled' ? 'CANCEL' : 'PUBLISH',
    uid: `booking-${booking.documentId}@sitogiovani`,
    sequence,
    title: `${serviceLabel(lang, booking.service)} · ${booking.territory?.name ?? ''}`.trim(),
    description: booking.operatorMessage ?? undefined,
    location: placeOf(booking),
    start: Date.parse(booking.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(booking.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: news === 'cancelled' ? 'CANCELLED' : news === 'received' ? 'TENTATIVE' : 'CONFIRMED',
    organizer: { name: booking.territory?.name ?? 'SITO Giovani', email: cmsEnv().SITO_MAIL_FROM },
  });
  return error || !value ? null : value;
}

/** Tells who booked what changed, once; remembers what they were told when the mail went out. */
async function tellPerson(strapi: Core.Strapi, documentId: string): Promise<void> {
  const booking = await storedBooking(strapi, documentId);
  if (!booking?.territory) return;
  const news = newsFor(booking);
  if (!news) return;
  const lang = booking.language ?? 'it';
  const words = WORDS[lang] ?? WORDS.it;
  const event = bookingEvent(booking, news, Math.floor(Date.now() / 1000));
  const sent = await sendMail(strapi, {
    to: [booking.email],
    subject: `${words.subject[news]} · ${booking.territory.name}`,
    text: [
      words.hello(booking.name),
      '',
      words.lead[news](booking.territory.name),
      '',
      `${words.when}: ${formatSlot(iso(booking.startsAt), lang)}`,
      `${words.where}: ${placeOf(booking)}`,
      `${words.service}: ${serviceLabel(lang, booking.service)} (${modeLabel(lang, booking.mode)})`,
      ...(booking.operatorMessage ? ['', `${words.message}:`, booking.operatorMessage] : []),
      ...(event && news !== 'cancelled' ? ['', words.calendar] : []),
      ...(news !== 'cancelled' ? ['', words.cancel, cancelLink(strapi, booking.documentId, lang)] : []),
      '',
      words.why,
    ].join('\n'),
    ...(event
      ? { attachments: [{ filename: 'appuntamento.ics', content: event, contentType: 'text/calendar; charset=utf-8' }] }
      : {}),
  });
  if (sent)
    await strapi.db.query(BOOKING).update({ where: { id: booking.id }, data: { notifiedState: stateOf(booking) } });
}

const adminLink = (strapi: Core.Strapi, documentId: string) =>
  `${adminUrl(strapi)}/admin/content-manager/collection-types/${BOOKING}/${documentId}`;

async function tellOperators(strapi: Core.Strapi, documentId: string, what: 'new' | 'cancelled'): Promise<void> {
  const booking = await storedBooking(strapi, documentId);
  if (!booking?.territory) return;
  const to = await operatorsOf(strapi, booking.territory.documentId);
  if (to.length === 0) strapi.log.warn(`[sito] ${booking.territory.name} has no active operator to tell of a booking`);
  await sendMail(strapi, {
    to,
    subject:
      what === 'new'
        ? `Nuova prenotazione per ${booking.territory.name}`
        : `Prenotazione annullata da chi l’aveva chiesta · ${booking.territory.name}`,
    text: [
      what === 'new'
        ? `È arrivata una richiesta di appuntamento da «Prenota» sul sito di ${booking.territory.name}${booking.language === 'en' ? ' (in inglese)' : ''}:`
        : 'Chi aveva prenotato questo appuntamento l’ha annullato: l’orario è di nuovo libero.',
      '',
      `Quando: ${formatSlot(iso(booking.startsAt), 'it')}`,
      `Sportello: ${booking.contactPoint}`,
      `Servizio: ${serviceLabel('it', booking.service)} (${modeLabel('it', booking.mode)})`,
      `Nome: ${booking.name}`,
      ...(booking.note ? ['', 'Nota:', booking.note] : []),
      '',
      ...(what === 'new'
        ? [
            'Confermala (stato «confirmed») o proponi un altro orario (cambia inizio e fine), poi salva: la persona riceve una email con l’appuntamento.',
          ]
        : []),
      adminLink(strapi, documentId),
    ].join('\n'),
  });
}

/** Who cancelled from the link in their mail: their operators are told (../bookings/routes.ts). */
export function notifyBookingCancelledByPerson(strapi: Core.Strapi, documentId: string): void {
  afterRequest(strapi, () => tellOperators(strapi, documentId, 'cancelled'));
}

/** After any committed write of a booking: the person hears what changed; a new one, the operators too. */
export function notifyBookings(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    const result = await next();
    if (ctx.uid !== BOOKING || (ctx.action !== 'create' && ctx.action !== 'update')) return result;
    const documentId =
      (ctx.params as { documentId?: string }).documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (!documentId) return result;
    const created = ctx.action === 'create';
    await afterCommit(strapi, async () => {
      if (created) await tellOperators(strapi, documentId, 'new');
      await tellPerson(strapi, documentId);
    });
    return result;
  };
}
