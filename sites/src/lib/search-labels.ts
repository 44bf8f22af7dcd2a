import type { SearchLabels } from '../components/SearchBox.tsx';
import { t, type Lang } from '../i18n/ui.ts';

/** The search island's words in a language; `{n}` and `{q}` are filled in by the island. */
export function searchLabels(lang: Lang): SearchLabels {
  const ui = t(lang);
  return {
    label: ui.searchLabel,
    placeholder: ui.searchPlaceholder,
    loading: ui.searchLoading,
    results: ui.searchResults(0).replace('0', '{n}'),
    resultsOne: ui.searchResults(1),
    none: ui.searchNone('{q}'),
    any: ui.searchAny,
    sort: ui.searchSort,
    sortRelevance: ui.searchSortRelevance,
    sortDeadline: ui.searchSortDeadline,
    sortDate: ui.searchSortDate,
    network: ui.searchNetwork,
    closed: ui.closed,
    filters: ui.searchFilters,
    values: ui.searchValues,
  };
}
