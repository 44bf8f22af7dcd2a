import type { APIRoute } from 'astro';
import { buildAddresses } from '../lib/addresses';
import { toAddressBook } from '../lib/address-book';

/**
 * `indirizzi.json` (ADDRESS_BOOK_FILE): the hub's old addresses, for its servers, which answer
 * them with a 301 or a 410 (scripts/serve-hubs.ts, the nginx configuration). The same list as the
 * pages at those addresses (src/pages/[...address].astro); empty in a draft preview.
 */
export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(toAddressBook(await buildAddresses()))}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
