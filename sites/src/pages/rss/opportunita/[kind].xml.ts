import type { APIRoute, GetStaticPaths } from 'astro';
import { opportunityKindSchema, type OpportunityKind } from '@sito/shared';
import { kindFeedSlug, opportunityFeed } from '../../../lib/opportunity-feed.ts';

/** The open opportunities of one kind: `/rss/opportunita/tirocinio.xml`, `/rss/opportunita/bando.xml`... */
export const getStaticPaths = (() =>
  opportunityKindSchema.options.map((kind) => ({
    params: { kind: kindFeedSlug(kind) },
    props: { kind },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ kind: OpportunityKind }> = ({ props, site }) => opportunityFeed(site!, props.kind);
