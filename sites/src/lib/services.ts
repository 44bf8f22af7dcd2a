import { bookingFormText, offerFormText, questionFormText } from '@sito/shared';
import { askPath, askSentPath, bookPath, bookSentPath, offerPath, offerSentPath } from './ask.ts';
import { hubPath, languageHome, SECTIONS } from './paths.ts';
import type { Lang } from '../i18n/ui.ts';

/**
 * The two-way services of a hub (docs/two-way-services.md): for each, its words, its page and the
 * page after it, and where the reader goes back to (components/ServicePage.astro, ServiceSentPage.astro).
 */
export const SERVICES = {
  ask: {
    text: questionFormText,
    path: askPath,
    sentPath: askSentPath,
    /** The Italian page's parent, in the breadcrumb and the «back» link. */
    parent: () => hubPath(SECTIONS.questions),
    /** The link, after sending, to send another. */
    again: (lang: Lang) => questionFormText(lang).title,
  },
  book: {
    text: bookingFormText,
    path: bookPath,
    sentPath: bookSentPath,
    parent: () => hubPath('contatti'),
    again: (lang: Lang) => bookingFormText(lang).bookAgain,
  },
  offer: {
    text: offerFormText,
    path: offerPath,
    sentPath: offerSentPath,
    parent: () => hubPath(SECTIONS.opportunities),
    again: (lang: Lang) => offerFormText(lang).another,
  },
} as const;
export type Service = keyof typeof SERVICES;

/** Where «back» leads from a service's pages: its Italian parent, or the language's home. */
export const backTo = (service: Service, lang: Lang): string =>
  lang === 'it' ? SERVICES[service].parent() : languageHome(lang);
