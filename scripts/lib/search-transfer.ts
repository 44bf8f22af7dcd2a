import type { Request } from 'playwright-core';
import { launchChromium } from './browser.ts';

/** The budget for everything the first search downloads. */
export const SEARCH_BUDGET_BYTES = 150 * 1024;

export interface Transfer {
  requests: number;
  /** Bytes on the wire: response headers and (encoded) bodies. */
  bytes: number;
  /** The (encoded) bodies alone. */
  bodyBytes: number;
  /** The bodies once decoded (gzip undone). */
  decodedBytes: number;
  /** What was requested, with its encoded body size, relative to the hub. */
  urls: string[];
}

export interface SearchTransfer {
  query: string;
  /** Opening the search page, until the network is quiet, before any interaction. */
  beforeInteraction: Transfer & { scriptsOrIndex: number };
  /** From the first interaction (a click in the box, then typing the query) until the results show. */
  firstQuery: Transfer & { results: number; ms: number };
  budgetBytes: number;
  withinBudget: boolean;
}

interface Finished {
  url: string;
  type: string;
  bytes: number;
  bodyBytes: number;
  decodedBytes: number;
}

async function finished(request: Request): Promise<Finished> {
  const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
  const body = await response?.body().catch(() => null);
  // Chromium reports no body size for a worker's own script: its Content-Length says it.
  const bodyBytes = sizes.responseBodySize || Number((await response?.headerValue('content-length')) ?? 0);
  return {
    url: request.url(),
    type: request.resourceType(),
    bytes: sizes.responseHeadersSize + bodyBytes,
    bodyBytes,
    decodedBytes: body?.length ?? 0,
  };
}

const sum = (records: Finished[], hubUrl: string): Transfer => ({
  requests: records.length,
  bytes: records.reduce((total, r) => total + r.bytes, 0),
  bodyBytes: records.reduce((total, r) => total + r.bodyBytes, 0),
  decodedBytes: records.reduce((total, r) => total + r.decodedBytes, 0),
  urls: records.map((r) => `${r.url.replace(hubUrl, '')} ${r.bodyBytes} B`),
});

/**
 * What the hub's search page downloads: on opening (nothing but the page itself: no script, no
 * index, until the reader interacts) and for the first query, in a fresh Chromium profile.
 */
export async function measureSearchTransfer(hubUrl: string, query = 'tirocinio'): Promise<SearchTransfer> {
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext()).newPage();
    const records: Array<Promise<Finished>> = [];
    let inFlight = 0;
    let lastActivity = performance.now();
    const settle = () => {
      inFlight -= 1;
      lastActivity = performance.now();
    };
    page.on('request', () => {
      inFlight += 1;
      lastActivity = performance.now();
    });
    page.on('requestfinished', (request) => {
      records.push(finished(request));
      settle();
    });
    page.on('requestfailed', settle);
    /** Resolves once no request has been in flight for half a second. */
    const quiet = async () => {
      const deadline = performance.now() + 30_000;
      while (inFlight > 0 || performance.now() - lastActivity < 500) {
        if (performance.now() > deadline) throw new Error('The search page kept downloading for 30 s.');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return Promise.all(records.splice(0));
    };

    await page.goto(`${hubUrl}cerca/`);
    const before = await quiet();

    const box = page.getByLabel('Cosa stai cercando?');
    const started = performance.now();
    await box.click();
    await box.pressSequentially(query, { delay: 40 });
    await page.locator('.search__status p', { hasText: /risultat/ }).waitFor({ timeout: 30_000 });
    const ms = Math.round(performance.now() - started);
    const after = await quiet();
    const firstQuery = { ...sum(after, hubUrl), results: await page.locator('.search__results a').count(), ms };
    return {
      query,
      beforeInteraction: {
        ...sum(before, hubUrl),
        scriptsOrIndex: before.filter((r) => r.type === 'script' || r.url.includes('/pagefind/')).length,
      },
      firstQuery,
      budgetBytes: SEARCH_BUDGET_BYTES,
      withinBudget: firstQuery.bytes <= SEARCH_BUDGET_BYTES,
    };
  } finally {
    await browser.close();
  }
}
