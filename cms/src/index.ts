import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { cmsEnv } from './cms-env';
import { ensureSuperAdmin } from './bootstrap/admin-user';
import { ensureBuilderToken } from './bootstrap/builder-token';
import { ensureDemoAccounts } from './bootstrap/demo-accounts';
import { ensureSortIndexes } from './bootstrap/indexes';
import { ensureLocales } from './bootstrap/locales';
import { ensurePublicReadAccess } from './bootstrap/public-permissions';
import { fillSlug } from './document-middlewares/fill-slug';
import { freshness } from './document-middlewares/freshness';
import { refreshReviewFlags } from './freshness/review-flags';
import { ownershipCheck } from './document-middlewares/ownership-check';
import { publicReads } from './document-middlewares/public-reads';
import { territoryGuard } from './document-middlewares/territory-guard';
import { validateEntry } from './document-middlewares/validate-entry';
import { queueBuilds } from './document-middlewares/queue-builds';
import { buildStore } from './publishing';
import { registerListingRoutes } from './publishing/listing';
import { ensureAddressTable, registerAddressRoutes, rememberAddresses } from './publishing/addresses';
import { registerPublishingRoutes } from './publishing/routes';
import { previewStore, protectPreviewRoute } from './publishing/previews';
import { replayStore } from './publishing/replays';
import { registerTenancyConditions } from './tenancy/conditions';
import { scopeMediaLibrary } from './tenancy/media-scope';
import { isolateExistingRelations } from './tenancy/relations-isolation';
import { ensureRoles } from './tenancy/roles';
import { seedDemoContent } from './seed/demo';
import { notifyAnswers } from './mail';
import { rateStore } from './submissions/rates';
import { purgePersonalData } from './submissions/retention';
import { bookingSlots } from './bookings/middleware';
import { ensureSlotTable } from './bookings/slots';
import { notifyBookings } from './mail/bookings';
import { notifyExpiredOffers, notifyOffers } from './mail/offers';
import { registerSubmissionRoutes } from './submissions/routes';
import { registerInboxRoutes } from './inbox/routes';
import { registerGuideRoutes } from './guide/routes';
import { registerPersonalDataRoutes } from './personal-data/routes';
import { recordNetworkSnapshot, registerMonitoringRoutes } from './monitoring/routes';
import { ensureSnapshotTable } from './monitoring/snapshots';
import { ensureAnswerTable, recordAnswers } from './monitoring/answer-times';
import { registerReviewQueueRoutes } from './monitoring/review-queue';
import { ensureOptoutTable, registerReminderRoutes } from './monitoring/reminders';
import { ensureThematicAreas } from './seed/thematic-areas';
import { defaultAdminLanguage, ensureAdminLanguage } from './bootstrap/admin-language';
import { applyContentManagerLayouts } from './bootstrap/content-manager-layouts';

export default {
  /** Document Service middlewares: side effects of content changes, one per file. */
  register({ strapi }: { strapi: Core.Strapi }) {
    // The content API reads published versions only, whatever the request asks.
    strapi.documents.use(publicReads(strapi));
    // The guard runs first among writes: nothing else happens for a request it refuses.
    strapi.documents.use(territoryGuard(strapi));
    strapi.documents.use(fillSlug(strapi));
    strapi.documents.use(freshness(strapi));
    // Outside the checks: tells who asked once a publish of their question has committed.
    strapi.documents.use(notifyAnswers(strapi));
    strapi.documents.use(notifyBookings(strapi));
    strapi.documents.use(notifyOffers(strapi));
    // Outside the checks too: when what people sent was first answered, for the median time to answer.
    strapi.documents.use(recordAnswers(strapi));
    // Outside the checks below, so it only queues builds for writes that committed.
    strapi.documents.use(queueBuilds(strapi, () => buildStore(strapi)));
    // Every slug a published entry has had, for its hub's permanent addresses (301 and 410).
    strapi.documents.use(rememberAddresses(strapi));
    // Innermost: both read what the write stored, in its transaction, and roll it back if wrong.
    strapi.documents.use(validateEntry(strapi));
    strapi.documents.use(ownershipCheck(strapi));
    // A booking holds its slot in the same transaction: a slot already taken rolls the write back.
    strapi.documents.use(bookingSlots(strapi));
    // Italian for every admin user created from now on (their own choice is kept).
    defaultAdminLanguage(strapi);
    registerPublishingRoutes(strapi);
    registerListingRoutes(strapi);
    registerAddressRoutes(strapi);
    registerSubmissionRoutes(strapi);
    registerInboxRoutes(strapi);
    registerGuideRoutes(strapi);
    registerPersonalDataRoutes(strapi);
    registerMonitoringRoutes(strapi);
    registerReviewQueueRoutes(strapi);
    registerReminderRoutes(strapi);
    protectPreviewRoute(strapi);
    isolateExistingRelations(strapi);
    scopeMediaLibrary(strapi);
  },

  /** First boot creates what the platform needs; every later boot finds it and changes nothing. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const env = cmsEnv();
    // Before anything publishes: every publish queues a build in this table.
    await buildStore(strapi).ensureTable();
    await previewStore(strapi).ensureTable();
    await replayStore(strapi).ensureTable();
    await rateStore(strapi).ensureTable();
    await ensureSlotTable(strapi);
    await ensureSnapshotTable(strapi);
    await ensureAnswerTable(strapi);
    await ensureOptoutTable(strapi);
    await ensureSortIndexes(strapi);
    await ensureAddressTable(strapi);
    await ensureLocales(strapi);
    await ensureSuperAdmin(strapi, env);
    await ensurePublicReadAccess(strapi);
    await ensureBuilderToken(strapi, env);
    await registerTenancyConditions(strapi);
    await ensureRoles(strapi);
    const areas = await ensureThematicAreas(strapi);
    if (areas > 0) strapi.log.info(`[sito] created ${areas} thematic areas and sections`);
    const seedDir = env.SITO_SEED_DIR ?? (env.SITO_SEED_DEMO ? path.join(strapi.dirs.app.root, 'seed', 'demo') : null);
    if (seedDir) {
      const started = Date.now();
      const report = await seedDemoContent(strapi, seedDir, { reset: env.SITO_SEED_RESET });
      strapi.log.info(
        `[sito] seed ${seedDir}: ${report.created} entries created, ${report.skipped} already there (${Date.now() - started} ms)`,
      );
    }
    const erased = await purgePersonalData(strapi, env);
    if (erased.contacts + erased.bookings > 0)
      strapi.log.info(
        `[sito] erased ${erased.contacts} contacts of who asked and ${erased.bookings} bookings, no longer needed`,
      );
    const expired = await notifyExpiredOffers(strapi);
    if (expired > 0) strapi.log.info(`[sito] told ${expired} organisations their offer expired`);
    const flags = await refreshReviewFlags(strapi, env.SITO_REVIEW_AFTER_DAYS);
    if (flags.flagged + flags.cleared > 0)
      strapi.log.info(`[sito] review flags: ${flags.flagged} flagged, ${flags.cleared} cleared`);
    // The monitoring's trends: today's figures of every territory (replaced if already recorded).
    await recordNetworkSnapshot(strapi);
    const demoAccounts = await ensureDemoAccounts(strapi, env);
    if (demoAccounts > 0) strapi.log.info(`[sito] created ${demoAccounts} demo accounts (see README)`);
    await ensureAdminLanguage(strapi);
    // The content manager's labels, list columns and order, as kept in the repository.
    await applyContentManagerLayouts(strapi);
  },
};
