import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { toCsv } from '../../lib/feeds.ts';
import { allOpportunities } from '../../lib/opportunities.ts';
import { entryPath } from '../../lib/paths.ts';
import { t } from '../../i18n/ui.ts';

type Row = Record<string, unknown>;

/** The datasets are the Italian site's: kinds are written as readers see them, with the stable code beside. */
const it = t('it');

/** Open data: the hub's published entries as JSON and CSV, flat and documented by their columns. */
const DATASETS: Record<string, { columns: string[]; rows: (site: URL) => Promise<Row[]> }> = {
  opportunita: {
    columns: [
      'slug',
      'titolo',
      'tipo',
      'tipo_codice',
      'sintesi',
      'ente',
      'comune',
      'a_distanza',
      'eta_minima',
      'eta_massima',
      'apertura',
      'scadenza',
      'territorio',
      'regionale',
      'ultima_verifica',
      'url',
    ],
    rows: async (site) =>
      (await allOpportunities()).map((o) => ({
        slug: o.slug,
        titolo: o.title,
        tipo: it.kinds[o.kind],
        tipo_codice: o.kind,
        sintesi: o.summary,
        ente: o.organisation,
        comune: o.municipality,
        a_distanza: o.remote,
        eta_minima: o.ageMin,
        eta_massima: o.ageMax,
        apertura: o.opensOn,
        scadenza: o.deadline,
        territorio: o.territory?.slug ?? null,
        regionale: o.regional,
        ultima_verifica: o.lastVerifiedAt,
        url: new URL(entryPath('opportunities', o.slug), site).href,
      })),
  },
  eventi: {
    columns: [
      'slug',
      'titolo',
      'tipo',
      'tipo_codice',
      'sintesi',
      'inizio',
      'fine',
      'luogo',
      'comune',
      'online',
      'iscrizione',
      'territorio',
      'regionale',
      'url',
    ],
    rows: async (site) =>
      (await getCollection('events')).map(({ data: e }) => ({
        slug: e.slug,
        titolo: e.title,
        tipo: it.eventKinds[e.kind],
        tipo_codice: e.kind,
        sintesi: e.summary,
        inizio: e.startsAt,
        fine: e.endsAt,
        luogo: e.venue?.name ?? null,
        comune: e.venue?.municipality ?? null,
        online: e.onlineUrl,
        iscrizione: e.registrationUrl,
        territorio: e.territory?.slug ?? null,
        regionale: e.regional,
        url: new URL(entryPath('events', e.slug), site).href,
      })),
  },
};

export const getStaticPaths = (() =>
  Object.keys(DATASETS).flatMap((dataset) =>
    ['json', 'csv'].map((format) => ({ params: { dataset, format } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const dataset = DATASETS[params.dataset ?? ''];
  if (!dataset || !site) throw new Error(`Unknown dataset "${params.dataset}".`);
  const rows = await dataset.rows(site);
  if (params.format === 'csv') {
    return new Response(toCsv(rows, dataset.columns), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  }
  return new Response(`${JSON.stringify(rows, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
