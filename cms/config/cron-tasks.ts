import type { Core } from '@strapi/strapi';
import { cmsEnv } from '../src/cms-env';
import { refreshReviewFlags } from '../src/freshness/review-flags';
import { queueEveryHub } from '../src/publishing';
import { notifyExpiredOffers } from '../src/mail/offers';
import { purgePersonalData } from '../src/submissions/retention';
import { recordNetworkSnapshot } from '../src/monitoring/routes';
import { sendWeeklyReminders } from '../src/monitoring/reminders';

/** Scheduled jobs, on Italian time. */
export default {
  /** Every night: entries that aged past the review period get their "to review" flag. */
  reviewFlags: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const { flagged, cleared } = await refreshReviewFlags(strapi, cmsEnv().SITO_REVIEW_AFTER_DAYS);
      strapi.log.info(`[sito] review flags: ${flagged} entries flagged, ${cleared} cleared`);
    },
    options: { rule: '0 3 * * *', tz: 'Europe/Rome' },
  },
  /**
   * Every night: organisations whose offer expired are told (src/mail/offers.ts), then who asked,
   * booked or proposed an offer is erased once no longer needed (src/submissions/retention.ts).
   */
  contactRetention: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const told = await notifyExpiredOffers(strapi);
      strapi.log.info(`[sito] expired offers: ${told} organisations told`);
      const erased = await purgePersonalData(strapi, cmsEnv());
      strapi.log.info(`[sito] contacts of who asked: ${erased.contacts} erased; bookings: ${erased.bookings} erased`);
    },
    options: { rule: '30 3 * * *', tz: 'Europe/Rome' },
  },
  /** Just after midnight every hub is rebuilt: deadlines pass and events end without any edit. */
  nightlyRebuild: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const hubs = await queueEveryHub(strapi, 'Ricostruzione notturna (scadenze ed eventi passati)');
      strapi.log.info(`[sito] nightly rebuild queued for ${hubs.join(', ')}`);
    },
    options: { rule: '5 0 * * *', tz: 'Europe/Rome' },
  },
  /** Late every evening: the day's figures of every territory, for the monitoring's trends (one per day). */
  monitoringSnapshot: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const territories = await recordNetworkSnapshot(strapi);
      strapi.log.info(`[sito] monitoring snapshot recorded for ${territories} territories`);
    },
    options: { rule: '50 23 * * *', tz: 'Europe/Rome' },
  },
  /** Monday morning: each territory's operators are told what closes this week and what to verify. */
  weeklyReminders: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const { mails } = await sendWeeklyReminders(strapi);
      strapi.log.info(`[sito] weekly reminders: ${mails} mails sent`);
    },
    options: { rule: '30 7 * * 1', tz: 'Europe/Rome' },
  },
};
