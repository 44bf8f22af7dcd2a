import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { opportunitySchema, territorySchema } from '@sito/shared';
import type { z } from 'zod';

/**
 * The CMS's schema.json files are the source of truth; the zod schemas in shared/ describe what
 * the API publishes. This fails when one changes without the other.
 */
const SYSTEM_FIELDS = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale'];

const cmsAttributes = (api: string) => {
  const file = path.resolve(import.meta.dirname, `../../cms/src/api/${api}/content-types/${api}/schema.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as {
    attributes: Record<string, { type: string; required?: boolean; relation?: string; mappedBy?: string }>;
    pluginOptions?: { i18n?: { localized?: boolean } };
  };
};

/** Attributes the public shape carries: inverse relations (mappedBy) are not published. */
const publishedAttributes = (api: string) =>
  Object.entries(cmsAttributes(api).attributes)
    .filter(([, attribute]) => !attribute.mappedBy)
    .map(([name]) => name)
    .sort();

const zodFields = (schema: z.ZodObject) =>
  Object.keys(schema.shape)
    .filter((key) => !SYSTEM_FIELDS.includes(key))
    .sort();

describe.each([
  ['territory', territorySchema],
  ['opportunity', opportunitySchema],
] as const)('the %s contract', (api, schema) => {
  it('has the same fields in schema.json and in the shared zod schema', () => {
    expect(zodFields(schema)).toEqual(publishedAttributes(api));
  });

  it('makes required CMS fields non-optional in zod', () => {
    for (const [name, attribute] of Object.entries(cmsAttributes(api).attributes)) {
      if (!attribute.required) continue;
      const field = schema.shape[name as keyof typeof schema.shape] as z.ZodType;
      expect(field.safeParse(undefined).success, `${api}.${name} is required in the CMS`).toBe(false);
    }
  });

  it('carries a locale exactly when the content type is localized', () => {
    const localized = cmsAttributes(api).pluginOptions?.i18n?.localized === true;
    expect('locale' in schema.shape).toBe(localized);
  });
});
