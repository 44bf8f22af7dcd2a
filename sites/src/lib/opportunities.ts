import { getCollection } from 'astro:content';
import { isExpired, type Opportunity } from '@sito/shared';

/** All of the hub's opportunities, earliest deadline first, those without a deadline last. */
export async function allOpportunities(): Promise<Opportunity[]> {
  const entries = await getCollection('opportunities');
  return entries
    .map((entry) => entry.data)
    .sort(
      (a, b) =>
        (a.deadline ?? '9999-12-31').localeCompare(b.deadline ?? '9999-12-31') || a.title.localeCompare(b.title, 'it'),
    );
}

/** Opportunities still open on the day of the build. */
export async function openOpportunities(now = new Date()): Promise<Opportunity[]> {
  return (await allOpportunities()).filter((opportunity) => !isExpired(opportunity.deadline, now));
}
