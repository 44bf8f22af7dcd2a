import { getCollection } from 'astro:content';
import staticPages from 'virtual:sito/static-pages';
import { ENGLISH_SECTIONS, hubAddressesSchema, SECTIONS, type HubAddresses, type Opportunity } from '@sito/shared';
import { defaultLang, type Lang } from '../i18n/ui.ts';
import { resolveAddresses, type ResolvedAddresses } from './address-book.ts';
import { loadBuilderConfig } from './builder-env.ts';
import { areasWithSections, hubSlug } from './hub.ts';
import { TRANSLATABLE_TYPES } from './paths.ts';
import { preview } from './preview.ts';
import { createStrapiClient } from './strapi-client.ts';
import { entriesIn, otherLanguages, publishedLanguages } from './translations.ts';

/**
 * The hub's old addresses (shared/src/publishing/addresses.ts), asked of the CMS once per build:
 * src/pages/[...address].astro renders a page at each, src/pages/indirizzi.json.ts lists them for
 * the servers. A draft preview has none: it shows one draft, not the hub's history.
 */
let answer: Promise<HubAddresses> | undefined;

export function hubAddresses(): Promise<HubAddresses> {
  answer ??= preview ? Promise.resolve({ redirects: [], gone: [] }) : fetchAddresses();
  return answer;
}

async function fetchAddresses(): Promise<HubAddresses> {
  const config = loadBuilderConfig();
  const client = createStrapiClient({ baseUrl: config.SITO_CMS_URL, token: config.token });
  const pathname = `/api/sito/addresses/${encodeURIComponent(hubSlug())}`;
  const url = new URL(pathname, config.SITO_CMS_URL).href;
  let body: unknown;
  try {
    body = await client.getJson(pathname, {});
  } catch (error) {
    throw new Error(`Cannot read the hub's old addresses from ${url}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = hubAddressesSchema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(answer)'}: ${issue.message}`);
    throw new Error(
      `The CMS's answer at ${url} is not the hub's old addresses:\n  - ${problems.slice(0, 10).join('\n  - ')}`,
    );
  }
  return parsed.data.data;
}

/** Hub-relative paths of the pages the hub renders: every entry's in every language, the fixed pages, the areas'. */
async function renderedPaths(): Promise<Set<string>> {
  const paths = new Set(staticPages.fixed);
  for (const lang of await otherLanguages())
    for (const pattern of staticPages.perLanguage) paths.add(pattern.replace('[lang]', lang));
  for (const lang of await publishedLanguages()) {
    for (const type of TRANSLATABLE_TYPES) {
      const section = lang === defaultLang ? SECTIONS[type] : `${lang}/${ENGLISH_SECTIONS[type]}`;
      for (const entry of await entriesIn(type, lang)) paths.add(`${section}/${entry.slug}/`);
    }
  }
  const italianOnly = [
    ['operatorResources', SECTIONS.operatorResources],
    ['usefulLinks', SECTIONS.usefulLinks],
    ['readings', SECTIONS.readings],
    ['projects', SECTIONS.projects],
  ] as const;
  for (const [collection, section] of italianOnly)
    for (const entry of await getCollection(collection)) paths.add(`${section}/${entry.data.slug}/`);
  for (const area of await areasWithSections()) {
    paths.add(`${SECTIONS.areas}/${area.slug}/`);
    for (const section of area.sections) paths.add(`${SECTIONS.areas}/${area.slug}/${section.slug}/`);
  }
  return paths;
}

let resolved: Promise<ResolvedAddresses> | undefined;

/** The old addresses this build renders and lists, with what it left out said once in the build log. */
export function buildAddresses(): Promise<ResolvedAddresses> {
  resolved ??= (async () => {
    const addresses = await hubAddresses();
    if (addresses.redirects.length === 0 && addresses.gone.length === 0)
      return { redirects: [], gone: [], skipped: [], dangling: [] };
    const result = resolveAddresses(addresses, await renderedPaths());
    for (const { path, reason } of result.skipped) console.warn(`[addresses] ${path} left out: ${reason}`);
    for (const { from, to } of result.dangling)
      console.warn(`[addresses] ${from} redirects to ${to}, which this build has no page for`);
    return result;
  })();
  return resolved;
}

/**
 * The old slugs of this hub's entries in a section (`opportunita`, `eventi`), by their current slug:
 * the calendar file beside each old page (`opportunita/<old slug>.ics`) is written too, the same
 * as the current one, for the links and subscriptions that named it. Entries moved to another hub
 * are that hub's.
 */
export async function formerSlugsIn(section: string): Promise<Map<string, string[]>> {
  const pattern = new RegExp(`^${section}/([a-z0-9-]+)/$`);
  const former = new Map<string, string[]>();
  for (const { from, to, hub } of (await buildAddresses()).redirects) {
    const [old, now] = [pattern.exec(from)?.[1], pattern.exec(to)?.[1]];
    if (hub || !old || !now) continue;
    former.set(now, [...(former.get(now) ?? []), old]);
  }
  return former;
}

// documentId → the opportunity's version in a language, for every old address's page: made once.
const translations = new Map<Lang, Promise<Map<string, Opportunity>>>();

/** An opportunity shown on a page in some language: its version in that language, or the Italian one. */
export interface ShownOpportunity {
  opportunity: Opportunity;
  lang: Lang;
}

/**
 * Opportunities (Italian versions) as a page in `lang` shows them: in that language where they have a
 * version in it, in Italian otherwise.
 */
export async function inReaderLanguage(list: readonly Opportunity[], lang: Lang): Promise<ShownOpportunity[]> {
  if (lang === defaultLang) return list.map((opportunity) => ({ opportunity, lang }));
  let versions = translations.get(lang);
  if (!versions) {
    versions = entriesIn('opportunities', lang).then((entries) => new Map(entries.map((o) => [o.documentId, o])));
    translations.set(lang, versions);
  }
  const translated = await versions;
  return list.map((opportunity) => {
    const version = translated.get(opportunity.documentId);
    return version ? { opportunity: version, lang } : { opportunity, lang: defaultLang };
  });
}
