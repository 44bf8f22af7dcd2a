import type { APIRoute, GetStaticPaths } from 'astro';
import { toCsv } from '../../lib/feeds.ts';
import { DATASETS, FORMATS } from '../../lib/open-data.ts';

/**
 * Open data: the hub's published entries as JSON and CSV, flat and documented by their columns
 * (the page /dati/ and the DCAT-AP_IT catalogue /dati/catalogo.jsonld describe them).
 */
export const getStaticPaths = (() =>
  Object.keys(DATASETS).flatMap((dataset) =>
    Object.keys(FORMATS).map((format) => ({ params: { dataset, format } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const dataset = DATASETS[params.dataset ?? ''];
  if (!dataset || !site) throw new Error(`Unknown dataset "${params.dataset}".`);
  const rows = await dataset.rows(site);
  if (params.format === 'csv') {
    return new Response(toCsv(rows, Object.keys(dataset.columns)), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
    });
  }
  return new Response(`${JSON.stringify(rows, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
