import { useEffect, useId, useRef, useState } from 'react';

/** The part of Pagefind's browser API this island uses. @see https://pagefind.app/docs/api/ */
interface PagefindResultData {
  url: string;
  excerpt: string;
  /** `scadenza` (YYYY-MM-DD) on opportunities with a deadline (components/SearchMeta.astro). */
  meta: { title?: string; scadenza?: string };
}

/** Today in Rome as YYYY-MM-DD: a deadline is the last day to apply there. */
const todayInRome = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());

/**
 * Closed calls after the open ones, whatever the order asked (relevance or nearest deadline).
 * A build leaves closed opportunities out of the index; this holds between builds, when the
 * reader's today is past a deadline the index still has as open.
 */
function openFirst(results: PagefindResultData[], today: string): PagefindResultData[] {
  const closed = (result: PagefindResultData) => Boolean(result.meta.scadenza && result.meta.scadenza < today);
  return [...results.filter((result) => !closed(result)), ...results.filter(closed)];
}
type Filters = Record<string, Record<string, number>>;
/** Pagefind's filters: values by key, and the compound `none` (no page matching any of these). */
interface SearchFilters {
  [key: string]: string | Array<Record<string, string>>;
}
interface SearchOptions {
  filters?: SearchFilters;
  sort?: Record<string, 'asc' | 'desc'>;
}
interface Pagefind {
  options(options: { baseUrl?: string }): Promise<void>;
  mergeIndex(
    url: string,
    options?: { baseUrl?: string; indexWeight?: number; mergeFilter?: Record<string, string> },
  ): Promise<void>;
  filters(): Promise<Filters>;
  debouncedSearch(
    query: string | null,
    options?: SearchOptions,
    ms?: number,
  ): Promise<{ results: Array<{ id: string; data(): Promise<PagefindResultData> }> } | null>;
}

export interface SearchLabels {
  label: string;
  placeholder: string;
  loading: string;
  results: string;
  resultsOne: string;
  none: string;
  /** The "any value" choice of each filter, by filter name. */
  any: Record<string, string>;
  sort: string;
  sortRelevance: string;
  sortDeadline: string;
  sortDate: string;
  network: string;
  /** The label of a call whose deadline has passed. */
  closed: string;
  filters: Record<string, string>;
  /** How a filter's values read, by filter name: `{v} anni`. Others show the value itself. */
  values: Record<string, string>;
}

interface Props {
  /** The hub's base path, e.g. `/cremona/`: Pagefind's bundle lives in `pagefind/` under it. */
  base: string;
  /** Base paths of the partner hubs, searched too when the reader asks for the whole network. */
  partners: string[];
  labels: SearchLabels;
}

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'done'; query: string; total: number; results: PagefindResultData[] }
  | { kind: 'error'; message: string };

const SORTS = { relevance: undefined, deadline: { scadenza: 'asc' }, date: { data: 'desc' } } as const;

/**
 * Search over the hub's Pagefind index, with filters (kind, area, territory, audience, the reader's
 * age) and sorting.
 * The island hydrates on the first interaction (client:interaction) and fetches Pagefind and its
 * index then, so readers who never search download nothing. The input is uncontrolled, so what was
 * typed before hydration is kept and searched.
 */
export default function SearchBox({ base, partners, labels }: Props) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const pagefind = useRef<Promise<Pagefind> | null>(null);
  const [query, setQuery] = useState('');
  const [available, setAvailable] = useState<Filters>({});
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [sort, setSort] = useState<keyof typeof SORTS>('relevance');
  const [network, setNetwork] = useState(false);
  const merged = useRef<Promise<void> | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });

  const load = () => {
    pagefind.current ??= (async () => {
      const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
      await module.options({ baseUrl: base });
      setAvailable(await module.filters());
      return module;
    })();
    return pagefind.current;
  };

  useEffect(() => {
    // Text typed before the island woke up.
    if (input.current?.value) setQuery(input.current.value);
    void load();
  }, []);

  useEffect(() => {
    const term = query.trim();
    const activeFilters = Object.fromEntries(Object.entries(chosen).filter(([, value]) => value));
    if (!term && Object.keys(activeFilters).length === 0) {
      setState({ kind: 'idle' });
      return;
    }
    let cancelled = false;
    setState({ kind: 'loading' });
    const sortBy = SORTS[sort];
    load()
      .then(async (api) => {
        if (network) {
          // The partner hubs' indexes join this one, weighted below it: the own territory comes first.
          // A partner whose index cannot be fetched (not built yet, offline) is left out: Pagefind
          // would otherwise fail every search once a merged index is missing.
          merged.current ??= (async () => {
            const reachable = await Promise.all(
              partners.map((partner) =>
                fetch(`${partner}pagefind/pagefind-entry.json`, { method: 'HEAD' })
                  .then((response) => (response.ok ? partner : null))
                  .catch(() => null),
              ),
            );
            for (const partner of reachable) {
              // Every page of a partner's index carries the synthetic filter `rete: partner`.
              if (partner)
                await api.mergeIndex(`${partner}pagefind`, {
                  baseUrl: partner,
                  indexWeight: 0.6,
                  mergeFilter: { rete: 'partner' },
                });
            }
          })();
          await merged.current;
        }
        // Regional entries are on every hub: a partner's copy of one is the same document as this
        // hub's, so the network search leaves it out and each is found once, here.
        const filters: SearchFilters = network
          ? { ...activeFilters, none: [{ rete: 'partner', ambito: 'regionale' }] }
          : activeFilters;
        return api.debouncedSearch(term || null, { filters, ...(sortBy ? { sort: sortBy } : {}) }, 200);
      })
      .then(async (search) => {
        if (!search || cancelled) return; // a newer keystroke superseded this search
        // 20 are shown; with partner indexes merged, fetch more so 20 of this hub's remain after filtering.
        const wanted = merged.current === null ? 20 : 40;
        const all = await Promise.all(search.results.slice(0, wanted).map((result) => result.data()));
        // Once merged, partner results stay in the index: without the network option, show only this hub's.
        const results = openFirst(
          network ? all : all.filter((result) => result.url.startsWith(base)),
          todayInRome(),
        ).slice(0, 20);
        const total = network || merged.current === null ? search.results.length : results.length;
        if (!cancelled) setState({ kind: 'done', query: term, total, results });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ kind: 'error', message: (error as Error).message });
      });
    return () => {
      cancelled = true;
    };
  }, [query, chosen, sort, network]);

  const filterNames = Object.keys(labels.filters).filter((name) => Object.keys(available[name] ?? {}).length > 0);

  return (
    <search className="search">
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={inputId}>{labels.label}</label>
        <input
          ref={input}
          id={inputId}
          type="search"
          name="q"
          autoComplete="off"
          placeholder={labels.placeholder}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        {filterNames.length > 0 && (
          <div className="search__filters">
            {filterNames.map((name) => (
              <label key={name}>
                {labels.filters[name]}
                <select
                  name={name}
                  value={chosen[name] ?? ''}
                  onChange={(event) => setChosen({ ...chosen, [name]: event.target.value })}
                >
                  <option value="">{labels.any[name]}</option>
                  {Object.entries(available[name] ?? {})
                    .sort(([a], [b]) => a.localeCompare(b, 'it', { numeric: true }))
                    .map(([value, count]) => (
                      <option key={value} value={value}>
                        {(labels.values[name] ?? '{v}').replace('{v}', value)} ({count})
                      </option>
                    ))}
                </select>
              </label>
            ))}
            {partners.length > 0 && (
              <label className="search__network">
                <input
                  type="checkbox"
                  name="rete"
                  checked={network}
                  onChange={(event) => setNetwork(event.target.checked)}
                />
                {labels.network}
              </label>
            )}
            <label>
              {labels.sort}
              <select
                name="ordina"
                value={sort}
                onChange={(event) => setSort(event.target.value as keyof typeof SORTS)}
              >
                <option value="relevance">{labels.sortRelevance}</option>
                <option value="deadline">{labels.sortDeadline}</option>
                <option value="date">{labels.sortDate}</option>
              </select>
            </label>
          </div>
        )}
      </form>
      <div aria-live="polite" className="search__status">
        {state.kind === 'loading' && <p>{labels.loading}</p>}
        {state.kind === 'error' && <p role="alert">{state.message}</p>}
        {state.kind === 'done' && (
          <p>
            {state.total === 0
              ? labels.none.replace('{q}', state.query)
              : state.total === 1
                ? labels.resultsOne
                : labels.results.replace('{n}', String(state.total))}
          </p>
        )}
      </div>
      {state.kind === 'done' && state.results.length > 0 && (
        <ol className="search__results">
          {state.results.map((result) => (
            <li key={result.url}>
              <h2>
                <a href={result.url}>{result.meta.title ?? result.url}</a>
              </h2>
              {result.meta.scadenza && result.meta.scadenza < todayInRome() && (
                <p className="deadline deadline--closed">{labels.closed}</p>
              )}
              {/* Pagefind's excerpt is escaped text from our own pages with <mark> around the matches. */}
              <p dangerouslySetInnerHTML={{ __html: result.excerpt }} />
            </li>
          ))}
        </ol>
      )}
    </search>
  );
}
