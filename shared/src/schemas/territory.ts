import { z } from 'zod';
import {
  clockTimeSchema,
  documentBaseSchema,
  emailSchema,
  isoDateSchema,
  localeSchema,
  mediaSchema,
  phoneSchema,
  refSchema,
  slugSchema,
  webUrlSchema,
} from './common.js';

export const weekdaySchema = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
export type Weekday = z.infer<typeof weekdaySchema>;

/** One opening interval on a weekday: `cms/src/components/contact/opening-hours.json`. */
export const openingHoursSchema = z.object({ day: weekdaySchema, opens: clockTimeSchema, closes: clockTimeSchema });

/** A day with different hours, or closed: `cms/src/components/contact/opening-exception.json`. */
export const openingExceptionSchema = z.object({
  date: isoDateSchema,
  closed: z.boolean(),
  opens: clockTimeSchema.nullable(),
  closes: clockTimeSchema.nullable(),
  note: z.string().nullable(),
});

export const linkSchema = z.object({ label: z.string().min(1), url: webUrlSchema });

/** A sportello: `cms/src/components/contact/contact-point.json`. */
export const contactPointSchema = z.object({
  name: z.string().min(1),
  address: z.string().min(1),
  municipality: z.string().min(1),
  postalCode: z
    .string()
    .regex(/^\d{5}$/, 'must be a 5-digit CAP')
    .nullable(),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  phone: phoneSchema.nullable(),
  email: emailSchema.nullable(),
  website: webUrlSchema.nullable(),
  openingHours: z.array(openingHoursSchema),
  exceptions: z.array(openingExceptionSchema),
  socialLinks: z.array(linkSchema),
});
export type ContactPoint = z.infer<typeof contactPointSchema>;

/**
 * A territory is a hub of the network (Cremona, Crema, ...) with its own site, or an antenna
 * belonging to a hub. Published shape of `api::territory.territory`.
 */
export const territorySchema = documentBaseSchema.extend({
  /** Display name, e.g. "Informagiovani Cremona". */
  name: z.string().trim().min(2).max(120),
  /** Identifier of the hub: its site is served at `/<slug>/`. */
  slug: slugSchema,
  /** Short name for tight places (breadcrumbs, badges), e.g. "Cremona". */
  shortName: z.string().trim().min(2).max(40),
  kind: z.enum(['hub', 'antenna']),
  /** The hub an antenna belongs to. */
  parent: refSchema.nullable(),
  /** Public hostname of the hub's site, e.g. `giovani.comune.cremona.it`. */
  hostname: z
    .string()
    .regex(/^(?=.{1,253}$)([a-z0-9](-?[a-z0-9])*\.)+[a-z]{2,}$/, 'must be a hostname such as giovani.comune.cremona.it')
    .nullable(),
  /** The body that runs the office and publishes its open data: «Comune di Cremona». */
  owner: z.string().trim().min(2).max(200).nullable(),
  /**
   * The owner's code in the Indice delle Pubbliche Amministrazioni (IPA), «c_d150»: it identifies
   * the publisher and rights holder in the open-data catalogue (DCAT-AP_IT).
   */
  ipaCode: z
    .string()
    .regex(/^[A-Za-z0-9_]{2,20}$/, 'must be a code of the IPA index such as c_d150')
    .nullable(),
  /** One line under the name in the hub's header. */
  tagline: z.string().trim().max(200).nullable(),
  logo: mediaSchema.nullable(),
  /** The hub's brand colour, `#rrggbb`. */
  primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written as #rrggbb'),
  /** Languages the hub's site is published in; Italian always first. */
  languages: z.array(localeSchema).min(1),
  contactPoints: z.array(contactPointSchema),
});
export type Territory = z.infer<typeof territorySchema>;

/** A territory as it appears inside another entry when populated with name and slug only. */
export const territoryRefSchema = refSchema.extend({ name: z.string() });
export type TerritoryRef = z.infer<typeof territoryRefSchema>;
