import type { Core } from '@strapi/strapi';

/**
 * Who asked is kept as long as it is needed and no longer (GDPR art. 5(1)(e)): a contact is erased
 * `afterAnswerDays` after its question's answer was published, and in any case `maxDays` after it
 * arrived, answered or not; with its question gone, at once. Runs at every boot and every night
 * (config/cron-tasks.ts). The question stays: it is the territory's content, with no one's data.
 */
const CONTACT = 'api::personal-contact.personal-contact';
const QUESTION = 'api::question.question';
const DAY = 24 * 60 * 60_000;

export async function purgeContacts(
  strapi: Core.Strapi,
  policy: { afterAnswerDays: number; maxDays: number },
  now = Date.now(),
): Promise<number> {
  const contacts = (await strapi.db.query(CONTACT).findMany({
    select: ['id', 'consentAt'],
    populate: { question: { select: ['documentId'] } },
  })) as Array<{ id: number; consentAt: string | Date; question: { documentId: string } | null }>;
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
  if (expired.length)
    await strapi.db.query(CONTACT).deleteMany({ where: { id: { $in: expired.map((contact) => contact.id) } } });
  return expired.length;
}
