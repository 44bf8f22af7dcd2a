import type { Core, Modules } from '@strapi/strapi';
import type { AnswerTime } from '@sito/shared';
import { afterCommit } from '../mail';

/**
 * How long people wait for an answer, for «Monitoraggio»'s median time to answer: one row per
 * question, booking or offer sent from a hub, when it came in and when an operator first answered
 * it. Kept in a table of our own because the entries themselves do not keep it (a publish
 * rewrites the published version, a booking's `updatedAt` moves with every edit, and the
 * contacts are erased after a while). No personal data: kinds, identifiers and times.
 *
 * Answered means: a question people sent (it has a contact) published; an offer from a company
 * (`fromSubmission`) published; a booking confirmed. The first answer counts; later edits do not.
 */
export const ANSWER_TABLE = 'sito_answer_times';

const QUESTION = 'api::question.question';
const OPPORTUNITY = 'api::opportunity.opportunity';
const BOOKING = 'api::booking.booking';
const CONTACT = 'api::personal-contact.personal-contact';

export async function ensureAnswerTable(strapi: Core.Strapi): Promise<void> {
  const schema = strapi.db.getSchemaConnection();
  if (await schema.hasTable(ANSWER_TABLE)) return;
  await schema.createTable(ANSWER_TABLE, (t) => {
    t.string('kind', 16).notNullable();
    t.string('document_id', 64).notNullable();
    t.string('territory', 64).notNullable();
    t.bigInteger('received_at').notNullable();
    t.bigInteger('answered_at').notNullable();
    t.primary(['kind', 'document_id']);
    t.index(['territory', 'answered_at']);
  });
}

type Stored = { createdAt: string | Date; territory: { documentId: string } | null };

/** What the write answered, if anything: its kind and the stored rows of its document. */
async function answered(
  strapi: Core.Strapi,
  uid: string,
  action: string,
  documentId: string,
): Promise<{ kind: AnswerTime['kind']; rows: Stored[] } | null> {
  const rows = (extra: Record<string, unknown>) =>
    strapi.db.query(uid as never).findMany({
      where: { documentId, ...extra },
      select: ['createdAt'],
      populate: { territory: { select: ['documentId'] } },
    }) as Promise<Stored[]>;
  if (uid === QUESTION && action === 'publish') {
    const sent = await strapi.db.query(CONTACT).count({ where: { question: { documentId }, purpose: 'question' } });
    return sent ? { kind: 'question', rows: await rows({}) } : null;
  }
  if (uid === OPPORTUNITY && action === 'publish') {
    const found = await rows({ fromSubmission: true });
    return found.length ? { kind: 'offer', rows: found } : null;
  }
  if (uid === BOOKING && action === 'update') {
    const found = await rows({ state: 'confirmed' });
    return found.length ? { kind: 'booking', rows: found } : null;
  }
  return null;
}

/** The one action per type that can answer what people sent. */
const ANSWERING: Record<string, string> = { [QUESTION]: 'publish', [OPPORTUNITY]: 'publish', [BOOKING]: 'update' };

/** Records, once the write has committed, the first answer to what people sent. */
export function recordAnswers(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    const result = await next();
    const documentId = (ctx.params as { documentId?: string }).documentId;
    // Only the writes that can answer: reads and other writes schedule nothing.
    if (!documentId || ANSWERING[ctx.uid] !== ctx.action) return result;
    const answeredAt = Date.now();
    await afterCommit(strapi, async () => {
      const found = await answered(strapi, ctx.uid, ctx.action, documentId);
      const territory = found?.rows.find((row) => row.territory)?.territory?.documentId;
      if (!found || !territory) return;
      const receivedAt = Math.min(...found.rows.map((row) => new Date(row.createdAt).getTime()));
      await strapi.db
        .getConnection(ANSWER_TABLE)
        .insert({
          kind: found.kind,
          document_id: documentId,
          territory,
          received_at: receivedAt,
          answered_at: answeredAt,
        })
        .onConflict(['kind', 'document_id'])
        .ignore();
    });
    return result;
  };
}

/** The answers given in the territories (by documentId) since `since` (ms). */
export async function answersSince(
  strapi: Core.Strapi,
  territories: string[],
  since: number,
): Promise<Array<AnswerTime & { territory: string }>> {
  if (territories.length === 0) return [];
  const rows = (await strapi.db
    .getConnection(ANSWER_TABLE)
    .select('kind', 'territory', 'received_at', 'answered_at')
    .whereIn('territory', territories)
    .where('answered_at', '>=', since)) as Array<{
    kind: AnswerTime['kind'];
    territory: string;
    received_at: number | string;
    answered_at: number | string;
  }>;
  return rows.map((row) => ({
    kind: row.kind,
    territory: row.territory,
    receivedAt: Number(row.received_at),
    answeredAt: Number(row.answered_at),
  }));
}
