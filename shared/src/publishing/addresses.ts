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

/** A host name as nginx may be given it: lower-case labels of letters, digits and inner hyphens. */
export const hostnameSchema = z
  .string()
  .regex(
    /^(?=.{1,253}$)([a-z0-9](-?[a-z0-9])*\.)+[a-z]{2,}$/,
    'a host name (lower case, e.g. giovani.comune.crema.cr.it)',
  );

const hubSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a hub's slug");

/**
 * An old address of an entry still published: it answers 301 to the current one, on this hub or,
 * for an entry moved to another territory, on the hub that publishes it now (`hub`).
 */
export const addressRedirectSchema = z.object({
  from: hubRelativePath,
  to: hubRelativePath,
  /** The slug of the hub the entry is published on now, when it is not this one. */
  hub: hubSlug.optional(),
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
    /** The slugs the hub's territory had before its current one. */
    formerSlugs: z.array(hubSlug).optional(),
    /** The hostnames the hub's site had before (its territory's, or its antennas'), now no hub's. */
    formerHostnames: z.array(hostnameSchema).optional(),
  }),
});
export type HubAddresses = z.infer<typeof hubAddressesSchema>['data'];

/** Where an old address leads on another hub, in `indirizzi.json`: `/<hub>/<path>`, from the network's root. */
const otherHubPath = z
  .string()
  .regex(/^\/[a-z0-9]+(?:-[a-z0-9]+)*\/(?:[a-z0-9-]+\/)+$/, "another hub's page: /<hub>/<path>/");

/**
 * `indirizzi.json` at a hub's root, read by the hub servers: what answers 301 and what 410. A
 * redirect's target is hub-relative (`opportunita/x/`), or `/<hub>/<path>/` on another hub.
 */
export const ADDRESS_BOOK_FILE = 'indirizzi.json';
export const addressBookSchema = z.object({
  redirects: z.record(hubRelativePath, z.union([hubRelativePath, otherHubPath])),
  gone: z.array(hubRelativePath),
});

/** The target of a redirect as `indirizzi.json` writes it (see addressBookSchema). */
export const addressBookTarget = ({ to, hub }: AddressRedirect): string => (hub ? `/${hub}/${to}` : to);
export type AddressBook = z.infer<typeof addressBookSchema>;
