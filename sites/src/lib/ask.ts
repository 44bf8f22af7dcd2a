import { hubPath } from './paths.ts';
import type { Lang } from '../i18n/ui.ts';

/** The pages of «Fai una domanda» and the privacy notice, in a language. */
export const askPath = (lang: Lang): string =>
  lang === 'it' ? hubPath('esperto-risponde', 'fai-una-domanda') : hubPath(lang, 'ask');
export const askSentPath = (lang: Lang): string =>
  lang === 'it' ? hubPath('esperto-risponde', 'domanda-inviata') : hubPath(lang, 'ask', 'sent');
export const privacyPath = (lang: Lang): string => (lang === 'it' ? hubPath('privacy') : hubPath(lang, 'privacy'));
