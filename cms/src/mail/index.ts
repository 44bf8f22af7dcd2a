import type { Core, Modules } from '@strapi/strapi';
import { entryPagePath, type SubmissionLang } from '@sito/shared';
import { cmsEnv } from '../cms-env';
import { TERRITORY } from '../tenancy/scope';

/**
 * The mail the CMS sends, through Strapi's email plugin (nodemailer, config/plugins.ts):
 * - a new question, to the operators of its territory (the question, never who asked);
 * - «the answer is online», to who asked and left an email, once, when the question is published.
 * Mail never holds up or fails the request that causes it: it is sent afterwards, and a failure is
 * logged. Without SMTP_HOST (tests, development without `npm start`) it is only logged.
 */
export interface Mail {
  to: string[];
  subject: string;
  text: string;
  /** Files sent along, as nodemailer takes them (e.g. the booking's iCalendar event). */
  attachments?: Array<{ filename: string; content: string; contentType: string }>;
}

const QUESTION = 'api::question.question';
const CONTACT = 'api::personal-contact.personal-contact';

export async function sendMail(strapi: Core.Strapi, mail: Mail): Promise<boolean> {
  if (mail.to.length === 0) return false;
  if (!cmsEnv().SMTP_HOST) {
    strapi.log.info(`[sito] mail not sent (no SMTP_HOST): «${mail.subject}» to ${mail.to.length} recipient(s)`);
    return false;
  }
  try {
    await strapi
      .plugin('email')
      .service('email')
      .send({
        to: mail.to.join(', '),
        subject: mail.subject,
        text: mail.text,
        ...(mail.attachments ? { attachments: mail.attachments } : {}),
      });
    strapi.log.info(`[sito] mail sent: «${mail.subject}» to ${mail.to.length} recipient(s)`);
    return true;
  } catch (error) {
    strapi.log.error(`[sito] mail «${mail.subject}» could not be sent: ${(error as Error).message}`);
    return false;
  }
}

/** Runs after the request: a slow SMTP server never slows an operator or a reader. */
export const afterRequest = (strapi: Core.Strapi, task: () => Promise<unknown>): void => {
  setImmediate(() => {
    task().catch((error: Error) => strapi.log.error(`[sito] mail: ${error.message}`));
  });
};

/**
 * Runs once what the current write has committed (Strapi runs a document's publish in a
 * transaction; outside one, at once), then after the request. Never throws: the write is done.
 */
export const afterCommit = async (strapi: Core.Strapi, task: () => Promise<unknown>): Promise<void> => {
  try {
    await strapi.db.transaction(async ({ onCommit }) => {
      onCommit(() => afterRequest(strapi, task));
    });
  } catch (error) {
    strapi.log.error(`[sito] mail not scheduled: ${(error as Error).message}`);
  }
};

/** The active operators of a territory (any of its versions), by email. */
export async function operatorsOf(strapi: Core.Strapi, territoryDocumentId: string): Promise<string[]> {
  const versions = (await strapi.db.query(TERRITORY).findMany({
    where: { documentId: territoryDocumentId },
    populate: { operators: { select: ['email', 'isActive'] } },
  })) as Array<{ operators?: Array<{ email: string; isActive: boolean }> }>;
  const emails = versions.flatMap((version) => version.operators ?? []).filter((user) => user.isActive);
  return [...new Set(emails.map((user) => user.email))];
}

export const adminUrl = (strapi: Core.Strapi): string =>
  (
    (strapi.config.get('server.url') as string | undefined) ||
    `http://localhost:${strapi.config.get('server.port') as number}`
  ).replace(/\/$/, '');

/** A new question from a hub: its territory's operators are told, with a link to it in the admin. */
export function notifyNewQuestion(
  strapi: Core.Strapi,
  question: { documentId: string; text: string; locale: SubmissionLang; area: string | null },
  hub: { documentId: string; name: string },
): void {
  // Called once the question and its contact are committed (submissions/routes.ts).
  afterRequest(strapi, async () => {
    const to = await operatorsOf(strapi, hub.documentId);
    if (to.length === 0) strapi.log.warn(`[sito] ${hub.name} has no active operator to tell of a new question`);
    const link = `${adminUrl(strapi)}/admin/content-manager/collection-types/${QUESTION}/${question.documentId}?plugins[i18n][locale]=${question.locale}`;
    await sendMail(strapi, {
      to,
      subject: `Nuova domanda per ${hub.name}`,
      text: [
        `È arrivata una domanda da «Fai una domanda» sul sito di ${hub.name}${question.locale === 'en' ? ' (in inglese)' : ''}:`,
        '',
        question.text,
        '',
        ...(question.area ? [`Argomento: ${question.area}`, ''] : []),
        `È una bozza da rivedere: scrivi la risposta e pubblicala dal pannello.`,
        link,
      ].join('\n'),
    });
  });
}

const ANSWERED = {
  it: {
    subject: 'La risposta alla tua domanda è online',
    intro: (office: string) => `Ciao,\n\n${office} ha risposto alla domanda che hai inviato:`,
    read: 'Leggi la risposta:',
    why: 'Ti scriviamo solo perché l’hai chiesto inviando la domanda: non riceverai altri messaggi.',
  },
  en: {
    subject: 'The answer to your question is online',
    intro: (office: string) => `Hello,\n\n${office} has answered the question you sent:`,
    read: 'Read the answer:',
    why: 'We are writing only because you asked us to when you sent your question: you will get no other message.',
  },
} as const;

/**
 * Publishing a question tells who asked it, if they left an email and were not told before (the
 * contact's `answerNotifiedAt`): one mail, with the link to the answer on their hub.
 */
export function notifyAnswers(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    const result = await next();
    const documentId = (ctx.params as { documentId?: string }).documentId;
    if (ctx.uid !== QUESTION || ctx.action !== 'publish' || !documentId) return result;
    await afterCommit(strapi, async () => {
      const contacts = (await strapi.db.query(CONTACT).findMany({
        where: { question: { documentId }, email: { $notNull: true }, answerNotifiedAt: { $null: true } },
        populate: { territory: { select: ['slug', 'name'] } },
      })) as Array<{
        id: number;
        email: string;
        language: SubmissionLang;
        territory: { slug: string; name: string } | null;
      }>;
      for (const contact of contacts) {
        const published = (await strapi.db.query(QUESTION).findOne({
          where: { documentId, locale: contact.language, publishedAt: { $notNull: true } },
          select: ['slug', 'question'],
        })) as { slug: string; question: string } | null;
        if (!published || !contact.territory) continue;
        const words = ANSWERED[contact.language] ?? ANSWERED.it;
        const page = `${cmsEnv().SITO_HUBS_URL.replace(/\/$/, '')}${entryPagePath(`/${contact.territory.slug}`, QUESTION, published.slug, contact.language)}`;
        const sent = await sendMail(strapi, {
          to: [contact.email],
          subject: words.subject,
          text: [
            words.intro(contact.territory.name),
            '',
            `«${published.question}»`,
            '',
            words.read,
            page,
            '',
            words.why,
          ].join('\n'),
        });
        if (sent)
          await strapi.db.query(CONTACT).update({ where: { id: contact.id }, data: { answerNotifiedAt: new Date() } });
      }
    });
    return result;
  };
}
