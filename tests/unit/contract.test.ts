import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contactPointSchema,
  eventSchema,
  linkSchema,
  newsSchema,
  openingExceptionSchema,
  openingHoursSchema,
  operatorResourceSchema,
  opportunitySchema,
  professionSchema,
  projectPartnerSchema,
  projectSchema,
  questionSchema,
  readingSchema,
  studyPathSchema,
  territorySchema,
  testimonialSchema,
  thematicAreaSchema,
  tutorialSchema,
  tutorialStepSchema,
  usefulLinkSchema,
  venueSchema,
} from '@sito/shared';
import type { z } from 'zod';

/**
 * The CMS's schema.json files are the source of truth; the zod schemas in shared/ describe what
 * the API publishes. These fail when one changes without the other.
 */
const CMS = path.resolve(import.meta.dirname, '../../cms/src');
const SYSTEM_FIELDS = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale'];

interface Attribute {
  type: string;
  required?: boolean;
  mappedBy?: string;
  private?: boolean;
  enum?: string[];
  default?: unknown;
}
interface SchemaFile {
  attributes: Record<string, Attribute>;
  pluginOptions?: { i18n?: { localized?: boolean } };
}

const readSchema = (file: string) => JSON.parse(fs.readFileSync(path.join(CMS, file), 'utf8')) as SchemaFile;

/** Attributes the public shape carries: inverse relations (mappedBy) and private ones are not published. */
const publishedAttributes = (schema: SchemaFile) =>
  Object.entries(schema.attributes)
    .filter(([, attribute]) => !attribute.mappedBy && !attribute.private)
    .map(([name]) => name)
    .sort();

const zodFields = (schema: z.ZodObject) =>
  Object.keys(schema.shape)
    .filter((key) => !SYSTEM_FIELDS.includes(key))
    .sort();

function checkContract(schema: SchemaFile, zod: z.ZodObject, label: string) {
  expect(zodFields(zod), `${label}: fields`).toEqual(publishedAttributes(schema));
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (attribute.mappedBy || attribute.private) continue;
    const field = zod.shape[name] as z.ZodType;
    if (attribute.required && attribute.default === undefined && attribute.type !== 'boolean') {
      expect(field.safeParse(undefined).success, `${label}.${name} is required in the CMS`).toBe(false);
      expect(field.safeParse(null).success, `${label}.${name} is required in the CMS, so never null`).toBe(false);
    }
    if (attribute.type === 'enumeration') {
      for (const value of attribute.enum ?? []) {
        expect(field.safeParse(value).success, `${label}.${name} accepts "${value}"`).toBe(true);
      }
      expect(field.safeParse('not-a-value').success, `${label}.${name} refuses values the CMS does not have`).toBe(
        false,
      );
    }
  }
}

const CONTENT_TYPES = [
  ['territory', territorySchema],
  ['thematic-area', thematicAreaSchema],
  ['opportunity', opportunitySchema],
  ['tutorial', tutorialSchema],
  ['profession', professionSchema],
  ['event', eventSchema],
  ['question', questionSchema],
  ['operator-resource', operatorResourceSchema],
  ['useful-link', usefulLinkSchema],
  ['reading', readingSchema],
  ['news', newsSchema],
  ['project', projectSchema],
] as const;

const COMPONENTS = [
  ['contact/contact-point', contactPointSchema],
  ['contact/opening-hours', openingHoursSchema],
  ['contact/opening-exception', openingExceptionSchema],
  ['shared/link', linkSchema],
  ['tutorial/step', tutorialStepSchema],
  ['profession/study-path', studyPathSchema],
  ['profession/testimonial', testimonialSchema],
  ['event/venue', venueSchema],
  ['project/partner', projectPartnerSchema],
] as const;

/**
 * Types that hold personal data (who asked a question: cms/src/submissions) and have no published
 * shape: no controller or route, only the admin (super admins) and the CMS's own code read them.
 */
const PRIVATE_TYPES = ['booking', 'personal-contact'];

describe('the contract between schema.json and the shared zod schemas', () => {
  it('covers every content type the CMS defines, but the private ones no API publishes', () => {
    const defined = fs.readdirSync(path.join(CMS, 'api')).sort();
    expect([...CONTENT_TYPES.map(([name]) => name), ...PRIVATE_TYPES].sort()).toEqual(defined);
  });

  it.each(PRIVATE_TYPES)('keeps %s private: no routes, so no public or token read reaches it', (name) => {
    expect(fs.readdirSync(path.join(CMS, 'api', name))).toEqual(['content-types']);
  });

  it.each(CONTENT_TYPES)('holds for %s', (name, zod) => {
    const schema = readSchema(`api/${name}/content-types/${name}/schema.json`);
    checkContract(schema, zod as unknown as z.ZodObject, name);
    const localized = schema.pluginOptions?.i18n?.localized === true;
    expect('locale' in zod.shape, `${name} carries a locale exactly when it is localized`).toBe(localized);
  });

  it('covers every component the CMS defines', () => {
    const defined = fs
      .readdirSync(path.join(CMS, 'components'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.replace(/\.json$/, ''))
      .sort();
    expect(COMPONENTS.map(([name]) => name).sort()).toEqual(defined);
  });

  it.each(COMPONENTS)('holds for the %s component', (name, zod) => {
    checkContract(readSchema(`components/${name}.json`), zod as unknown as z.ZodObject, name);
  });
});
