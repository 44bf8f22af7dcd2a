import type { Core } from '@strapi/strapi';
import { forgetSlotsBefore } from '../bookings/slots';

/**
 * Who wrote is kept as long as it is needed and no longer (GDPR art. 5(1)(e)). Who asked a question:
 * erased `afterAnswerDays` after its answer was published, and in any case `maxDays` after it
 * arrived; with its question gone, at once. Who proposed an offer: erased `afterAnswerDays` after
 * being told it expired, `maxDays` after it arrived if it was never published; with its offer gone,
 * at once. Runs at every boot and every night (config/cron-tasks.ts). The question and the offer
 * stay: they are the territory's content, with no one's data.
 */
const CONTACT = 'api::personal-contact.personal-contact';
const QUESTION = 'api::question.question';
const DAY = 24 * 60 * 60_000;

export async function purgeContacts(
  strapi: Core.Strapi,
  policy: { afterAnswerDays: number; maxDays: number },
  now = Date.now(),
): Promise<number> {
  const all = (await strapi.db.query(CONTACT).findMany({
    select: ['id', 'purpose', 'consentAt', 'publishedNotifiedAt', 'expiryNotifiedAt'],
    populate: { question: { select: ['documentId'] }, opportunity: { select: ['documentId'] } },
  })) as Array<{
    id: number;
    purpose: 'question' | 'offer';
    consentAt: string | Date;
    publishedNotifiedAt: string | Date | null;
    expiryNotifiedAt: string | Date | null;
    question: { documentId: string } | null;
    opportunity: { documentId: string } | null;
  }>;
  const older = (date: string | Date | null, days: number) =>
    date !== null && now - new Date(date).getTime() > days * DAY;
  const offers = all.filter((contact) => contact.purpose === 'offer');
  const expiredOffers = offers.filter(
    (contact) =>
      !contact.opportunity ||
      older(contact.expiryNotifiedAt, policy.afterAnswerDays) ||
      (!contact.publishedNotifiedAt && older(contact.consentAt, policy.maxDays)),
  );
  const contacts = all.filter((contact) => contact.purpose !== 'offer');
  const documentIds = [...new Set(contacts.flatMap((c) => (c.question ? [c.question.documentId] : [])))];
  const answered = new Map<string, number>();
  if (documentIds.length) {
    const published = (await strapi.db.query(QUESTION).findMany({
      where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true } },
      select: ['documentId', 'publishedAt'],
    })) as Array<{ documentId: string; publishedAt: string | Date }>;
    for (const row of published) {
      const at = new Date(row.publishedAt).getTime();
      answered.set(row.documentId, Math.min(at, answered.get(row.documentId) ?? Infinity));
    }
  }
  const expired = contacts.filter((contact) => {
    if (!contact.question) return true;
    if (now - new Date(contact.consentAt).getTime() > policy.maxDays * DAY) return true;
    const answeredAt = answered.get(contact.question.documentId);
    return answeredAt !== undefined && now - answeredAt > policy.afterAnswerDays * DAY;
  });
  const erased = [...expired, ...expiredOffers].map((contact) => contact.id);
  if (erased.length) await strapi.db.query(CONTACT).deleteMany({ where: { id: { $in: erased } } });
  return erased.length;
}

const BOOKING = 'api::booking.booking';

/**
 * A booking holds who, when and why: it is erased `daysAfter` days after its appointment ended, or
 * after it was cancelled; the slots of past appointments go with them (../bookings/slots.ts).
 */
export async function purgeBookings(strapi: Core.Strapi, daysAfter: number, now = Date.now()): Promise<number> {
  const before = new Date(now - daysAfter * DAY);
  const expired = (await strapi.db.query(BOOKING).findMany({
    where: { $or: [{ endsAt: { $lt: before } }, { state: 'cancelled', updatedAt: { $lt: before } }] },
    select: ['id'],
  })) as Array<{ id: number }>;
  if (expired.length)
    await strapi.db.query(BOOKING).deleteMany({ where: { id: { $in: expired.map((booking) => booking.id) } } });
  await forgetSlotsBefore(strapi, new Date(now));
  return expired.length;
}

/** Every night and at every boot: personal data no longer needed is erased. */
export async function purgePersonalData(
  strapi: Core.Strapi,
  env: { SITO_CONTACT_DAYS_AFTER_ANSWER: number; SITO_CONTACT_MAX_DAYS: number; SITO_BOOKING_DAYS_AFTER: number },
): Promise<{ contacts: number; bookings: number }> {
  const contacts = await purgeContacts(strapi, {
    afterAnswerDays: env.SITO_CONTACT_DAYS_AFTER_ANSWER,
    maxDays: env.SITO_CONTACT_MAX_DAYS,
  });
  const bookings = await purgeBookings(strapi, env.SITO_BOOKING_DAYS_AFTER);
  return { contacts, bookings };
}
