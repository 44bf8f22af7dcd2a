import { useEffect, useId, useRef, useState } from 'react';

/** The part of Pagefind's browser API this island uses. */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options(options: { baseUrl?: string }): Promise<void>;
  debouncedSearch(
    query: string,
    options?: object,
    ms?: number,
  ): Promise<{ results: Array<{ id: string; data(): Promise<PagefindResultData> }> } | null>;
}

interface Props {
  /** The hub's base path, e.g. `/cremona/`: Pagefind's bundle lives in `pagefind/` under it. */
  base: string;
  labels: { label: string; placeholder: string; loading: string; results: string; resultsOne: string; none: string };
}

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'done'; query: string; total: number; results: PagefindResultData[] }
  | { kind: 'error'; message: string };

/**
 * Search over the hub's Pagefind index. The index and Pagefind's script are fetched on the first
 * keystroke, not before, so readers who never search download nothing.
 */
export default function SearchBox({ base, labels }: Props) {
  const inputId = useId();
  const pagefind = useRef<Promise<Pagefind> | null>(null);
  const [query, setQuery] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });

  const load = () => {
    pagefind.current ??= (async () => {
      const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
      await module.options({ baseUrl: base });
      return module;
    })();
    return pagefind.current;
  };

  useEffect(() => {
    const term = query.trim();
    if (!term) {
      setState({ kind: 'idle' });
      return;
    }
    let cancelled = false;
    setState({ kind: 'loading' });
    load()
      .then((api) => api.debouncedSearch(term, {}, 200))
      .then(async (search) => {
        if (!search || cancelled) return; // a newer keystroke superseded this search
        const results = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
        if (!cancelled) setState({ kind: 'done', query: term, total: search.results.length, results });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ kind: 'error', message: (error as Error).message });
      });
    return () => {
      cancelled = true;
    };
  }, [query]);

  return (
    <search className="search">
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={inputId}>{labels.label}</label>
        <input
          id={inputId}
          type="search"
          name="q"
          autoComplete="off"
          placeholder={labels.placeholder}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
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
              {/* Pagefind's excerpt is escaped text from our own pages with <mark> around the matches. */}
              <p dangerouslySetInnerHTML={{ __html: result.excerpt }} />
            </li>
          ))}
        </ol>
      )}
    </search>
  );
}
