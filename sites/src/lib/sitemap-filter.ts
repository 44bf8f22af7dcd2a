/**
 * Pages a reader only reaches by sending a form (lib/ask.ts): not listed in the sitemap. Imported
 * by astro.config.ts, so it imports nothing.
 */
export const isConfirmationPage = (url: string): boolean => /\/(?:domanda-inviata|ask\/sent)\/$/.test(url);
