import type { Core } from '@strapi/strapi';
import type { SubmissionLang } from '@sito/shared';
import { freeSlug } from '../document-middlewares/fill-slug';
import { TERRITORY, THEMATIC_AREA } from '../tenancy/scope';

const QUESTION = 'api::question.question';
const CONTACT = 'api::personal-contact.personal-contact';

export interface QuestionToStore {
  lang: SubmissionLang;
  question: string;
  territoryDocumentId: string;
  areaDocumentId: string | null;
  email: string | null;
  age: number | null;
}

/**
 * Stores a question from a hub and who asked, in one transaction: a question never exists without
 * its contact, nor a contact without its question.
 *
 * This is the hot path of a public form (the bench posts 50 a second), so it writes with the query
 * engine (`strapi.db.query`), not the Document Service. The Document Service spent about 40 queries
 * on a question and its contact: each write's checks, a reload, and after the commit a deep read of
 * both documents for the `entry.create` event. Here it is 7 queries. The rows are the ones the
 * Document Service writes, which `tests/integration/submissions.test.ts` compares link by link:
 * - the question is a draft in the form's language, flagged to review, not verified by anyone
 *   (as the `freshness` middleware makes what people send), with a free slug (`freeSlug`, as `fillSlug`);
 * - a draft links to the draft version of its territory and of its area in its own language;
 * - the contact has no draft and publish: it is stored published, linked to its question's draft and
 *   to both versions of its territory.
 * What this path does not do: no `entry.create` event, so a webhook set on the admin's «Webhooks»
 * page is not called for a question sent from a hub, nor for its contact (personal data, which must
 * not leave the CMS anyway). The fields were checked by the endpoint (shared `checkQuestionSubmission`,
 * limits within the content type's).
 */
export async function storeQuestion(strapi: Core.Strapi, input: QuestionToStore): Promise<{ documentId: string }> {
  return strapi.db.transaction(async () => {
    const territories = (await strapi.db.query(TERRITORY).findMany({
      where: { documentId: input.territoryDocumentId },
      select: ['id', 'publishedAt'],
    })) as Array<{ id: number; publishedAt: string | null }>;
    const territoryDraft = territories.find((row) => row.publishedAt === null);
    if (!territoryDraft) throw new Error(`Territory ${input.territoryDocumentId} has no draft version.`);
    // An area without a version in the question's language is left out: the operator can set it.
    const area = input.areaDocumentId
      ? ((await strapi.db.query(THEMATIC_AREA).findOne({
          where: { documentId: input.areaDocumentId, locale: input.lang, publishedAt: { $null: true } },
          select: ['id'],
        })) as { id: number } | null)
      : null;
    const question = (await strapi.db.query(QUESTION).create({
      data: {
        locale: input.lang,
        question: input.question,
        slug: await freeSlug(strapi, QUESTION, input.question, input.lang),
        regional: false,
        toReview: true,
        lastVerifiedAt: null,
        publishedAt: null,
        territory: territoryDraft.id,
        thematicArea: area?.id ?? null,
      },
      select: ['id', 'documentId'],
    })) as { id: number; documentId: string };
    await strapi.db.query(CONTACT).create({
      data: {
        purpose: 'question',
        email: input.email,
        age: input.age,
        language: input.lang,
        consentAt: new Date(),
        publishedAt: new Date(),
        question: question.id,
        territory: territories.map((row) => row.id),
      },
      select: ['id'],
    });
    return { documentId: question.documentId };
  });
}
