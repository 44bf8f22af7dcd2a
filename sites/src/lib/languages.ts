import { defaultLang, ui, type Lang } from '../i18n/ui.ts';
import { languageHome } from './paths.ts';

/** Languages in the order they are offered: Italian, the site's language, first. */
export const LANGS = Object.keys(ui) as Lang[];

/** A page's versions by language: the path of each, this page's own included. */
export type Versions = Partial<Record<Lang, string>>;

export interface Alternate {
  hreflang: string;
  href: string;
}

const absolute = (href: string, site: URL | undefined) => (site ? new URL(href, site).href : href);

/**
 * The `<link rel="alternate" hreflang>` set of a page that exists in more than one language: one
 * per version, itself included, as absolute URLs, and `x-default` for the Italian one (the site's
 * language). Nothing for a page in one language only.
 * @see https://developers.google.com/search/docs/specialty/international/localized-versions
 */
export function alternateLinks(versions: Versions, site: URL | undefined): Alternate[] {
  const present = LANGS.filter((lang) => versions[lang]);
  if (present.length < 2) return [];
  const links = present.map((lang) => ({ hreflang: lang, href: absolute(versions[lang]!, site) }));
  const fallback = versions[defaultLang];
  return fallback ? [...links, { hreflang: 'x-default', href: absolute(fallback, site) }] : links;
}

export interface LanguageLink {
  lang: Lang;
  href: string;
  /** The same page in that language, rather than that language's home. */
  samePage: boolean;
}

/**
 * The language switch of a page in `current`: for every other language the hub publishes, the
 * page's version in that language, or that language's home when the page has none.
 */
export function otherLanguageLinks(current: Lang, published: readonly Lang[], versions: Versions): LanguageLink[] {
  return LANGS.filter((lang) => lang !== current && published.includes(lang)).map((lang) => {
    const href = versions[lang];
    return href ? { lang, href, samePage: true } : { lang, href: languageHome(lang), samePage: false };
  });
}
