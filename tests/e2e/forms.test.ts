import { afterAll, beforeAll, describe } from 'vitest';
import { startLiveHubs } from '../helpers/live-hubs.ts';
import { closeStoredReads } from '../helpers/stored-state.ts';
import { freePort } from '../../scripts/lib/net.ts';
import { startMailCatcher } from '../../scripts/lib/mail-catcher.ts';
import { askTests } from './forms/ask.ts';
import { bookingTests } from './forms/book.ts';
import { forms } from './forms/env.ts';
import { offerTests } from './forms/offer.ts';

/**
 * The hubs' three forms as people meet them, in Chromium: Cremona's hub built once from a live CMS
 * with the demo content, served with its security headers, the mail caught by a real SMTP server.
 * One hub for the three (each test file would boot and build its own): the cases are in ./forms/.
 * Every reader here comes from the same address, so the per-address limit is lifted (the
 * integration tests cover it).
 */
describe('the hubs’ forms on a built hub with a live CMS', () => {
  beforeAll(async () => {
    forms.mail = await startMailCatcher({ smtpPort: await freePort() });
    forms.live = await startLiveHubs(['cremona'], undefined, {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(forms.mail.smtpPort),
      SITO_SUBMISSIONS_PER_ADDRESS: '1000',
    });
  });
  afterAll(async () => {
    await closeStoredReads();
    await forms.live?.close();
    await forms.mail?.close();
  });

  describe('«Fai una domanda»', askTests);
  describe('«Prenota»', bookingTests);
  describe('«Pubblica un’offerta»', offerTests);
});
