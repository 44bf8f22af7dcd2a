import type { APIRoute } from 'astro';
import { opportunityFeed } from '../../lib/opportunity-feed.ts';

/** Every open opportunity of the hub. */
export const GET: APIRoute = ({ site }) => opportunityFeed(site!);
