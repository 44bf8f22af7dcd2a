import { getCollection } from 'astro:content';
import type { Territory } from '@sito/shared';
import { getHub } from './hub.ts';
import { allOpportunities } from './opportunities.ts';
import { entryPath, hubPath } from './paths.ts';
import { t } from '../i18n/ui.ts';

/**
 * The hub's open data: the datasets (their columns, rows and description), published as JSON and
 * CSV under the CC BY 4.0 licence, and their catalogue in DCAT-AP_IT, the Italian profile of the
 * European DCAT-AP, so that the national catalogue (dati.gov.it) can harvest them.
 * @see https://docs.italia.it/italia/daf/linee-guida-cataloghi-dati-dcat-ap-it/
 */

type Row = Record<string, unknown>;

/** The datasets are the Italian site's: kinds are written as readers see them, with the stable code beside. */
const it = t('it');

export const LICENCE = {
  url: 'https://creativecommons.org/licenses/by/4.0/',
  name: 'Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)',
  short: 'CC BY 4.0',
} as const;

/** EU vocabularies the profile asks for. @see https://op.europa.eu/en/web/eu-vocabularies */
const EU = 'http://publications.europa.eu/resource/authority';

export interface Dataset {
  title: string;
  description: string;
  keywords: string[];
  /** Data themes of the EU vocabulary: ECON, EDUC, SOCI... */
  themes: string[];
  /** Each column and what it holds, in the order of the CSV. */
  columns: Record<string, string>;
  rows: (site: URL) => Promise<Row[]>;
  /** When the data last changed: the latest update of an entry in it. */
  modified: () => Promise<string | null>;
}

const latest = (dates: string[]): string | null => (dates.length ? dates.sort().at(-1)!.slice(0, 10) : null);

export const DATASETS: Record<string, Dataset> = {
  opportunita: {
    title: 'Opportunità per i giovani',
    description:
      "Le opportunità pubblicate dall'Informagiovani e quelle regionali della rete: lavoro, tirocini, lavoro stagionale, bandi, formazione, volontariato e servizio civile, con scadenza ed età ammesse.",
    keywords: ['giovani', 'lavoro', 'tirocini', 'bandi', 'formazione', 'volontariato', 'Informagiovani'],
    themes: ['ECON', 'EDUC', 'SOCI'],
    columns: {
      slug: "identificativo dell'opportunità nell'indirizzo della sua pagina",
      titolo: 'titolo',
      tipo: 'tipo, come lo legge il pubblico (Tirocinio, Lavoro stagionale…)',
      tipo_codice: 'tipo, codice stabile (internship, seasonal…)',
      sintesi: 'sintesi',
      ente: "ente o azienda che offre l'opportunità",
      comune: 'comune in cui si svolge',
      a_distanza: 'si svolge a distanza (true/false)',
      eta_minima: 'età minima per candidarsi',
      eta_massima: 'età massima per candidarsi',
      apertura: 'data di apertura delle candidature (AAAA-MM-GG)',
      scadenza: 'ultimo giorno per candidarsi (AAAA-MM-GG), vuoto se non scade',
      territorio: "Informagiovani che l'ha pubblicata, vuoto se regionale",
      regionale: 'pubblicata da tutta la rete (true/false)',
      ultima_verifica: "giorno dell'ultima verifica da parte di un operatore",
      url: 'pagina sul sito',
    },
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
    modified: async () => latest((await allOpportunities()).map((o) => o.updatedAt)),
  },
  eventi: {
    title: 'Eventi per i giovani',
    description:
      "Gli eventi dell'Informagiovani e della rete: job day, career day, fiere del lavoro, workshop, webinar e serate di orientamento, con data, luogo e iscrizione.",
    keywords: ['giovani', 'eventi', 'job day', 'orientamento', 'workshop', 'Informagiovani'],
    themes: ['EDUC', 'SOCI'],
    columns: {
      slug: "identificativo dell'evento nell'indirizzo della sua pagina",
      titolo: 'titolo',
      tipo: 'tipo, come lo legge il pubblico (Job day, Workshop…)',
      tipo_codice: 'tipo, codice stabile (job-day, workshop…)',
      sintesi: 'sintesi',
      inizio: 'inizio (data e ora UTC, ISO 8601)',
      fine: 'fine (data e ora UTC, ISO 8601)',
      luogo: 'luogo',
      comune: 'comune del luogo',
      online: 'indirizzo per partecipare online',
      iscrizione: 'indirizzo per iscriversi',
      territorio: "Informagiovani che l'ha pubblicato, vuoto se regionale",
      regionale: 'pubblicato da tutta la rete (true/false)',
      url: 'pagina sul sito',
    },
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
    modified: async () => latest((await getCollection('events')).map(({ data }) => data.updatedAt)),
  },
};

export const FORMATS = {
  json: { mediaType: 'application/json', euType: 'JSON' },
  csv: { mediaType: 'text/csv', euType: 'CSV' },
} as const;

/** Where a dataset's file is on the hub. */
export const datasetPath = (dataset: string, format: keyof typeof FORMATS) => `${hubPath('dati')}${dataset}.${format}`;

/** Who publishes the data and holds its rights: the territory's owner, by its IPA code. */
function publisher(hub: Territory) {
  return {
    '@type': ['foaf:Agent', 'dcatapit:Agent'],
    'foaf:name': hub.owner ?? hub.name,
    // DCAT-AP_IT identifies an administration by its IPA code; a territory without one (not yet
    // entered by the regional editors) is named by its hub, and the harvester will ask for the code.
    'dct:identifier': hub.ipaCode ?? hub.slug,
  };
}

/** The hub's catalogue in DCAT-AP_IT, as JSON-LD. */
export async function dcatCatalogue(site: URL): Promise<Record<string, unknown>> {
  const hub = await getHub();
  const home = new URL(hubPath(), site).href;
  const agent = publisher(hub);
  const email = hub.contactPoints.find((point) => point.email)?.email ?? null;
  const contact = {
    '@type': ['dcatapit:Organization', 'vcard:Organization', 'vcard:Kind'],
    'vcard:fn': hub.name,
    ...(email ? { 'vcard:hasEmail': { '@id': `mailto:${email}` } } : {}),
  };
  const licence = {
    '@id': LICENCE.url,
    '@type': ['dct:LicenseDocument', 'dcatapit:LicenseDocument'],
    'dct:type': { '@id': 'http://purl.org/adms/licencetype/Attribution' },
    'foaf:name': LICENCE.name,
    'owl:versionInfo': '4.0',
  };
  const italian = { '@id': `${EU}/language/ITA` };
  const datasets = await Promise.all(
    Object.entries(DATASETS).map(async ([slug, dataset]) => {
      const modified = (await dataset.modified()) ?? new Date().toISOString().slice(0, 10);
      return {
        '@id': `${home}dati/#${slug}`,
        '@type': ['dcat:Dataset', 'dcatapit:Dataset'],
        'dct:identifier': `${hub.ipaCode ?? hub.slug}:${hub.slug}-${slug}`,
        'dct:title': { '@value': `${dataset.title} – ${hub.name}`, '@language': 'it' },
        'dct:description': { '@value': dataset.description, '@language': 'it' },
        'dct:modified': { '@value': modified, '@type': 'xsd:date' },
        'dct:language': italian,
        'dct:accrualPeriodicity': { '@id': `${EU}/frequency/CONT` },
        'dcat:theme': dataset.themes.map((theme) => ({ '@id': `${EU}/data-theme/${theme}` })),
        'dcat:keyword': dataset.keywords.map((keyword) => ({ '@value': keyword, '@language': 'it' })),
        'dct:publisher': agent,
        'dct:rightsHolder': agent,
        'dcat:contactPoint': contact,
        'dcat:landingPage': { '@id': `${home}dati/` },
        'dcat:distribution': (Object.keys(FORMATS) as Array<keyof typeof FORMATS>).map((format) => {
          const url = new URL(datasetPath(slug, format), site).href;
          return {
            '@id': url,
            '@type': ['dcat:Distribution', 'dcatapit:Distribution'],
            'dct:title': { '@value': `${dataset.title} (${format.toUpperCase()})`, '@language': 'it' },
            'dct:format': { '@id': `${EU}/file-type/${FORMATS[format].euType}` },
            'dcat:mediaType': FORMATS[format].mediaType,
            'dcat:accessURL': { '@id': url },
            'dcat:downloadURL': { '@id': url },
            'dct:license': licence,
          };
        }),
      };
    }),
  );
  const modified = datasets
    .map((dataset) => dataset['dct:modified']['@value'])
    .sort()
    .at(-1)!;
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dcatapit: 'http://dati.gov.it/onto/dcatapit#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      owl: 'http://www.w3.org/2002/07/owl#',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${home}dati/catalogo.jsonld`,
    '@type': ['dcat:Catalog', 'dcatapit:Catalog'],
    'dct:title': { '@value': `Dati aperti – ${hub.name}`, '@language': 'it' },
    'dct:description': {
      '@value': `Le opportunità e gli eventi per i giovani pubblicati da ${hub.name}, in formato aperto con licenza ${LICENCE.short}.`,
      '@language': 'it',
    },
    'dct:publisher': agent,
    'dct:modified': { '@value': modified, '@type': 'xsd:date' },
    'dct:language': italian,
    'foaf:homepage': { '@id': home },
    'dcat:dataset': datasets,
  };
}
