/** Latency figures of a constant-rate load run, in milliseconds. */
export interface LoadResult {
  rps: number;
  seconds: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  max: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Sends requests at a constant rate (open loop: a slow answer does not delay the next request,
 * as with real visitors) for a bounded time to a server on this machine, and reports latency
 * percentiles and errors (non-2xx answers, failures, timeouts).
 */
export async function constantRate(options: {
  url: (i: number) => string;
  /** The request's method, headers and body (a GET without them). */
  init?: (i: number) => RequestInit;
  /** Told whether request i was answered 2xx. */
  onResult?: (i: number, ok: boolean) => void;
  rps: number;
  seconds: number;
  timeoutMs?: number;
}): Promise<LoadResult> {
  const { url, init, onResult, rps, seconds, timeoutMs = 10_000 } = options;
  const total = Math.round(rps * seconds);
  const latencies: number[] = [];
  let errors = 0;
  const inflight: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / rps;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = performance.now();
    inflight.push(
      fetch(url(i), { ...init?.(i), signal: AbortSignal.timeout(timeoutMs) })
        .then(async (response) => {
          await response.arrayBuffer();
          if (!response.ok) errors += 1;
          latencies.push(performance.now() - sent);
          onResult?.(i, response.ok);
        })
        .catch(() => {
          errors += 1;
          onResult?.(i, false);
        }),
    );
  }
  await Promise.all(inflight);
  const sorted = latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    rps,
    seconds,
    requests: total,
    errors,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1) ?? 0),
  };
}
