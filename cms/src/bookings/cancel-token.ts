import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { SubmissionLang } from '@sito/shared';
import { cmsEnv } from '../cms-env';
import { adminSecret } from '../submissions/proof';

/**
 * The link in a booking's mail that lets who booked cancel it: the booking's id and an HMAC of it
 * (a key derived from the admin secret), so only who received the mail can cancel, and no link can
 * be made up for another booking. It opens a page with a button (./pages.ts): following it alone
 * changes nothing, as mail scanners follow links.
 */
const cancelKey = (strapi: Core.Strapi) =>
  createHmac('sha256', adminSecret(strapi)).update('sito-booking-cancel-v1').digest();

export const cancelToken = (strapi: Core.Strapi, booking: string): string =>
  createHmac('sha256', cancelKey(strapi)).update(booking).digest('base64url');

export const validCancelToken = (strapi: Core.Strapi, booking: unknown, token: unknown): booking is string => {
  if (typeof booking !== 'string' || typeof token !== 'string' || booking.length > 64) return false;
  const expected = Buffer.from(cancelToken(strapi, booking));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/** The cancel link, on the hubs' address (the hub server passes /api/sito/submissions/ to the CMS). */
export const cancelLink = (strapi: Core.Strapi, booking: string, lang: SubmissionLang): string =>
  `${cmsEnv().SITO_HUBS_URL.replace(/\/$/, '')}/api/sito/submissions/bookings/cancel?${new URLSearchParams({
    booking,
    token: cancelToken(strapi, booking),
    lang,
  })}`;
