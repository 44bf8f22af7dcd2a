import { loadBuilderConfig } from './builder-env.ts';

/**
 * A draft preview build (SITO_PREVIEW, set by a build worker): the hub as it will look with one
 * document's draft, served privately under `/_anteprima/<id>/<hub>/`. Only the previewed entry's
 * own pages are rendered among the detail pages; listings, the home page and the feeds are, so
 * the draft is seen in place.
 */
export const preview = loadBuilderConfig().SITO_PREVIEW ?? null;

/** The entries whose detail pages this build renders: all of them, or in a preview the previewed one. */
export function pagesOf<T extends { documentId: string }>(entries: readonly T[]): readonly T[] {
  return preview ? entries.filter((entry) => entry.documentId === preview.documentId) : entries;
}
