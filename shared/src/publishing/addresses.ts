import { z } from 'zod';

/**
 * Permanent addresses: every page address a hub has published keeps answering. The CMS remembers
 * each slug a published entry has had (cms/src/publishing/addresses.ts); a hub's build asks it
 * which of its old addresses now lead elsewhere and which entries were withdrawn, renders a small
 * redirect page at each old address and a «no longer available» page at each withdrawn one
 * (sites/src/pages/[...address].astro), and lists both in `indirizzi.json` at the hub's root. The
 * servers answer 301 and 410 from that list (scripts/serve-hubs.ts, the nginx configuration).
 *
 * Paths are relative to the hub's root, without a leading slash and with a trailing one:
 * `opportunita/tirocinio-grafico/`, `en/opportunities/graphic-design-internship/`.
 */
const hubRelativePath = z
  .string()
  .regex(/^(?:[a-z0-9-]+\/)+$/, 'a path inside the hub: lower-case segments, each followed by a slash');

/** An old address of an entry still published on this hub: it answers 301 to the current one. */
export const addressRedirectSchema = z.object({
  from: hubRelativePath,
  to: hubRelativePath,
});
export type AddressRedirect = z.infer<typeof addressRedirectSchema>;

/** An entry this hub published and no longer does (unpublished or deleted): it answers 410. */
export const goneAddressSchema = z.object({
  path: hubRelativePath,
  locale: z.enum(['it', 'en']),
  /** The section it was in (a key of SECTIONS: `opportunities`, `events`…). */
  section: z.string().min(1),
  /** Its title when it was last published (a question's is not kept: it may name a person). */
  title: z.string(),
  /** The opportunity's or event's kind code, when it had one. */
  kind: z.string().nullable(),
  /** The slugs of its thematic areas. */
  areas: z.array(z.string()),
  /** When it closed (an opportunity's deadline, an event's end), ISO date, when it had one. */
  closedAt: z.string().nullable(),
  /** When it stopped being published, ISO time. */
  withdrawnAt: z.string(),
});
export type GoneAddress = z.infer<typeof goneAddressSchema>;

/** `GET /api/sito/addresses/<hub slug>`: the hub's permanent addresses. */
export const hubAddressesSchema = z.object({
  data: z.object({
    redirects: z.array(addressRedirectSchema),
    gone: z.array(goneAddressSchema),
  }),
});
export type HubAddresses = z.infer<typeof hubAddressesSchema>['data'];

/** `indirizzi.json` at a hub's root, read by the hub servers: what answers 301 and what 410. */
export const ADDRESS_BOOK_FILE = 'indirizzi.json';
export const addressBookSchema = z.object({
  redirects: z.record(hubRelativePath, hubRelativePath),
  gone: z.array(hubRelativePath),
});
export type AddressBook = z.infer<typeof addressBookSchema>;
