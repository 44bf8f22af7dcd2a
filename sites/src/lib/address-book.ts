import {
  addressBookTarget,
  type AddressBook,
  type AddressRedirect,
  type GoneAddress,
  type HubAddresses,
} from '@sito/shared';

/**
 * From the CMS's answer about a hub's old addresses (shared/src/publishing/addresses.ts) to what
 * the build renders and lists in `indirizzi.json`. Pure: src/lib/addresses.ts fetches the answer
 * and knows the hub's pages.
 */

/** An old address the build leaves alone, and why (for the build log). */
export interface SkippedAddress {
  path: string;
  reason: string;
}

export interface ResolvedAddresses {
  /** Old addresses of published entries, each pointing to the entry's page (never to another old address). */
  redirects: AddressRedirect[];
  /** Addresses of withdrawn entries. */
  gone: GoneAddress[];
  /** Addresses left out: the hub has a real page there, or the answer contradicts itself. */
  skipped: SkippedAddress[];
  /** Redirects kept although this build has no page at their target (an entry it left out as invalid). */
  dangling: AddressRedirect[];
}

/** Longer chains of renamed slugs than this are a loop. */
const MAX_HOPS = 20;

/**
 * What the build does with a hub's old addresses, given `rendered`, the hub-relative paths of the
 * pages it renders anyway (entries, fixed pages):
 * - an address where the hub has a real page is skipped: a reused slug is the new entry's page,
 *   never overwritten by a redirect or a «no longer available» page;
 * - a redirect to another old address is followed to the end of the chain (one 301, not several);
 *   one that leads back to itself is skipped; an entry moved to another territory leads to its
 *   page on the hub that publishes it now (`hub`), the end of the chain;
 * - an address listed twice keeps its first meaning, and an address both redirected and withdrawn
 *   is redirected (the entry is published, under another slug);
 * - the result is sorted by path, so the same answer always gives the same files.
 */
export function resolveAddresses(addresses: HubAddresses, rendered: ReadonlySet<string>): ResolvedAddresses {
  const skipped: SkippedAddress[] = [];
  const targets = new Map<string, AddressRedirect>();
  const describe = ({ to, hub }: AddressRedirect) => (hub ? `/${hub}/${to}` : to);
  for (const redirect of addresses.redirects) {
    const { from } = redirect;
    if (rendered.has(from))
      skipped.push({ path: from, reason: `the hub has a page there (it would redirect to ${describe(redirect)})` });
    else if (targets.has(from))
      skipped.push({ path: from, reason: `listed twice (redirected to ${describe(targets.get(from)!)})` });
    else targets.set(from, redirect);
  }

  // A chain is followed on this hub only: an address on another hub is that hub's page.
  const onThisHub = (redirect: AddressRedirect) => !redirect.hub && targets.has(redirect.to);
  const redirects: AddressRedirect[] = [];
  for (const [from, redirect] of targets) {
    let target = redirect;
    for (let hops = 0; onThisHub(target) && target.to !== from && hops < MAX_HOPS; hops += 1)
      target = targets.get(target.to)!;
    if ((!target.hub && target.to === from) || onThisHub(target))
      skipped.push({ path: from, reason: 'its redirects go round in a circle' });
    else redirects.push(target.hub ? { from, to: target.to, hub: target.hub } : { from, to: target.to });
  }

  const gone: GoneAddress[] = [];
  const seen = new Set<string>();
  for (const entry of addresses.gone) {
    if (rendered.has(entry.path))
      skipped.push({ path: entry.path, reason: 'the hub has a page there (withdrawn entry)' });
    else if (targets.has(entry.path))
      continue; // the slug came back on a published entry: its redirect stands
    else if (seen.has(entry.path)) skipped.push({ path: entry.path, reason: 'withdrawn entry listed twice' });
    else {
      seen.add(entry.path);
      gone.push(entry);
    }
  }

  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  redirects.sort((a, b) => byPath(a.from, b.from));
  gone.sort((a, b) => byPath(a.path, b.path));
  return {
    redirects,
    gone,
    skipped,
    dangling: redirects.filter((redirect) => !redirect.hub && !rendered.has(redirect.to)),
  };
}

/** `indirizzi.json`: what the hub servers answer 301 and 410 for. */
export function toAddressBook({ redirects, gone }: Pick<ResolvedAddresses, 'redirects' | 'gone'>): AddressBook {
  return {
    redirects: Object.fromEntries(redirects.map((redirect) => [redirect.from, addressBookTarget(redirect)])),
    gone: gone.map((entry) => entry.path),
  };
}
