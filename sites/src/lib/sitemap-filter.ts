/**
 * Pages a reader only reaches by sending a form (lib/ask.ts: the question, the booking, the offer):
 * not listed in the sitemap. Imported by astro.config.ts, so it imports nothing.
 */
export const isConfirmationPage = (url: string): boolean =>
  /\/(?:domanda-inviata|ask\/sent|richiesta-inviata|book\/sent|offerta-inviata|post-an-offer\/sent)\/$/.test(url);
