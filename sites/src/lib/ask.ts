import { hubPath } from './paths.ts';
import type { Lang } from '../i18n/ui.ts';

/** The pages of «Fai una domanda» and the privacy notice, in a language. */
export const askPath = (lang: Lang): string =>
  lang === 'it' ? hubPath('esperto-risponde', 'fai-una-domanda') : hubPath(lang, 'ask');
export const askSentPath = (lang: Lang): string =>
  lang === 'it' ? hubPath('esperto-risponde', 'domanda-inviata') : hubPath(lang, 'ask', 'sent');
export const privacyPath = (lang: Lang): string => (lang === 'it' ? hubPath('privacy') : hubPath(lang, 'privacy'));

/** The pages of «Prenota» (shared bookingPaths says the same for the CMS's pages). */
export const bookPath = (lang: Lang): string => (lang === 'it' ? hubPath('prenota') : hubPath(lang, 'book'));
export const bookSentPath = (lang: Lang): string =>
  lang === 'it' ? hubPath('prenota', 'richiesta-inviata') : hubPath(lang, 'book', 'sent');

/** The pages of «Pubblica un'offerta» (shared offerPaths says the same for the CMS's pages). */
export const offerPath = (lang: Lang): string =>
  lang === 'it' ? hubPath('pubblica-offerta') : hubPath(lang, 'post-an-offer');
export const offerSentPath = (lang: Lang): string =>
  lang === 'it' ? hubPath('pubblica-offerta', 'offerta-inviata') : hubPath(lang, 'post-an-offer', 'sent');
