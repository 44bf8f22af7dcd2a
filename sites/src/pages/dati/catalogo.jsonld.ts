import type { APIRoute } from 'astro';
import { dcatCatalogue } from '../../lib/open-data.ts';

/** The hub's open-data catalogue in DCAT-AP_IT (JSON-LD), for the national catalogue's harvester. */
export const GET: APIRoute = async ({ site }) =>
  new Response(`${JSON.stringify(await dcatCatalogue(site!), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/ld+json; charset=utf-8' },
  });
