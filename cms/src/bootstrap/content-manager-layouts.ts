import type { Core } from '@strapi/strapi';

/**
 * How the content manager shows each type to the operators: every field labelled in Italian, a
 * one-line description where an operator could hesitate, the list's columns an office works with
 * and its order (opportunities by deadline, events by start). Kept here, in the repository, and
 * applied at every boot over what Strapi stores (its «Configura la vista»), so that every install
 * looks the same. Fields not named keep Strapi's defaults.
 */
interface FieldLabel {
  label: string;
  description?: string;
}

interface TypeLayout {
  /** Columns of the list view, in order (attributes of the type). */
  list: string[];
  /** The list's order. */
  sort: [field: string, order: 'ASC' | 'DESC'];
  /** Labels of this type's own fields (over COMMON). */
  fields?: Record<string, FieldLabel>;
}

/** Fields most editorial types share. */
const COMMON: Record<string, FieldLabel> = {
  title: { label: 'Titolo', description: 'Breve e concreto: cosa, per chi, dove. Compare nei risultati di ricerca.' },
  slug: {
    label: 'Indirizzo della pagina',
    description: 'Si compila dal titolo; cambiarlo cambia il link già condiviso.',
  },
  summary: {
    label: 'Sommario',
    description: 'Due o tre frasi che bastano a capire se interessa: compare negli elenchi e nelle anteprime.',
  },
  body: { label: 'Testo' },
  territory: { label: 'Territorio', description: 'L’ufficio che cura la voce: il suo sito la pubblica.' },
  regional: {
    label: 'Regionale',
    description: 'Spunta se riguarda tutta la rete: la voce compare anche sui siti degli altri territori.',
  },
  lastVerifiedAt: {
    label: 'Ultima verifica',
    description: 'Il giorno in cui hai controllato che le informazioni sono ancora vere.',
  },
  toReview: { label: 'Da verificare', description: 'Si spunta da sola quando la voce non è verificata da tempo.' },
  verifiedBy: { label: 'Verificata da' },
  thematicArea: { label: 'Area tematica' },
  thematicAreas: { label: 'Aree tematiche' },
  createdAt: { label: 'Creata il' },
  updatedAt: { label: 'Modificata il' },
  publishedAt: { label: 'Pubblicata il' },
  url: { label: 'Indirizzo web' },
  description: { label: 'Descrizione' },
  kind: { label: 'Tipo' },
};

export const LAYOUTS: Record<string, TypeLayout> = {
  'api::opportunity.opportunity': {
    list: ['title', 'kind', 'deadline', 'territory', 'lastVerifiedAt'],
    sort: ['deadline', 'ASC'],
    fields: {
      kind: { label: 'Tipo di opportunità' },
      organisation: { label: 'Ente o azienda', description: 'Chi offre l’opportunità.' },
      municipality: { label: 'Comune', description: 'Dove si svolge; lascia vuoto se è solo a distanza.' },
      remote: { label: 'A distanza' },
      ageMin: { label: 'Età minima' },
      ageMax: { label: 'Età massima' },
      requirements: { label: 'Requisiti' },
      howToApply: { label: 'Come candidarsi' },
      applyUrl: { label: 'Link per candidarsi' },
      applyEmail: { label: 'Email per candidarsi' },
      opensOn: { label: 'Aperta dal' },
      deadline: {
        label: 'Scadenza',
        description: 'L’ultimo giorno utile per candidarsi; vuota se è sempre aperta. Il giorno dopo è «scaduta».',
      },
      sourceUrl: { label: 'Fonte', description: 'La pagina ufficiale da cui viene l’informazione.' },
      attachments: { label: 'Allegati' },
      tags: { label: 'Parole chiave' },
      fromSubmission: {
        label: 'Inviata da un’azienda',
        description: 'Arrivata da «Pubblica un’offerta»: da rivedere.',
      },
    },
  },
  'api::event.event': {
    list: ['title', 'kind', 'startsAt', 'territory', 'lastVerifiedAt'],
    sort: ['startsAt', 'ASC'],
    fields: {
      kind: { label: 'Tipo di evento' },
      startsAt: { label: 'Inizio' },
      endsAt: { label: 'Fine' },
      venue: { label: 'Luogo' },
      onlineUrl: { label: 'Link per seguirlo online' },
      registrationUrl: { label: 'Link per iscriversi' },
      registrationDeadline: { label: 'Iscrizioni entro' },
      audience: { label: 'A chi si rivolge' },
      organiser: { label: 'Organizzatore' },
    },
  },
  'api::question.question': {
    list: ['question', 'thematicArea', 'answeredOn', 'territory', 'lastVerifiedAt'],
    sort: ['answeredOn', 'DESC'],
    fields: {
      question: {
        label: 'Domanda',
        description: 'Come l’ha scritta chi chiede, corretta solo negli errori di battitura.',
      },
      answer: { label: 'Risposta' },
      answeredBy: { label: 'Ha risposto' },
      answeredOn: { label: 'Risposta del', description: 'Il giorno in cui hai scritto la risposta.' },
    },
  },
  'api::tutorial.tutorial': {
    list: ['title', 'thematicArea', 'territory', 'lastVerifiedAt'],
    sort: ['title', 'ASC'],
    fields: {
      steps: { label: 'Passi' },
      readingMinutes: { label: 'Minuti di lettura' },
      templates: { label: 'Modelli da scaricare' },
      relatedOpportunities: { label: 'Opportunità collegate' },
      relatedProfessions: { label: 'Professioni collegate' },
    },
  },
  'api::profession.profession': {
    list: ['name', 'demand', 'sector', 'territory', 'lastVerifiedAt'],
    sort: ['name', 'ASC'],
    fields: {
      name: { label: 'Professione' },
      sector: { label: 'Settore' },
      description: { label: 'Descrizione' },
      demand: { label: 'Richiesta', description: 'Quanto la cercano le aziende del territorio.' },
      studyPaths: { label: 'Percorsi di studio' },
      skills: { label: 'Competenze' },
      testimonials: { label: 'Testimonianze' },
      relatedTutorials: { label: 'Guide collegate' },
    },
  },
  'api::news.news': {
    list: ['title', 'date', 'territory', 'lastVerifiedAt'],
    sort: ['date', 'DESC'],
    fields: { date: { label: 'Data' } },
  },
  'api::project.project': {
    list: ['title', 'startDate', 'endDate', 'territory', 'lastVerifiedAt'],
    sort: ['startDate', 'DESC'],
    fields: {
      partners: { label: 'Partner' },
      startDate: { label: 'Inizio' },
      endDate: { label: 'Fine' },
      funding: { label: 'Finanziamento' },
      fundingAmount: { label: 'Importo finanziato (euro)' },
      outcomes: { label: 'Risultati' },
      relatedEvents: { label: 'Eventi collegati' },
      relatedOpportunities: { label: 'Opportunità collegate' },
    },
  },
  'api::useful-link.useful-link': {
    list: ['title', 'url', 'thematicArea', 'territory', 'lastVerifiedAt'],
    sort: ['title', 'ASC'],
    fields: { featured: { label: 'In evidenza' } },
  },
  'api::reading.reading': {
    list: ['title', 'authors', 'year', 'territory', 'lastVerifiedAt'],
    sort: ['title', 'ASC'],
    fields: {
      authors: { label: 'Autori' },
      publisher: { label: 'Editore' },
      year: { label: 'Anno' },
      isbn: { label: 'ISBN' },
      note: { label: 'Nota' },
    },
  },
  'api::operator-resource.operator-resource': {
    list: ['title', 'kind', 'territory', 'lastVerifiedAt'],
    sort: ['title', 'ASC'],
    fields: { kind: { label: 'Tipo di risorsa' }, files: { label: 'File' } },
  },
  'api::booking.booking': {
    list: ['name', 'state', 'startsAt', 'service', 'contactPoint', 'territory'],
    sort: ['startsAt', 'ASC'],
    fields: {
      state: { label: 'Stato', description: 'Conferma l’appuntamento o annullalo: chi ha prenotato riceve una email.' },
      startsAt: {
        label: 'Inizio',
        description: 'Per proporre un altro orario cambia l’inizio: la fine si sposta con lui.',
      },
      endsAt: { label: 'Fine' },
      contactPoint: { label: 'Sportello' },
      service: { label: 'Servizio' },
      mode: { label: 'Modalità' },
      name: { label: 'Nome' },
      email: { label: 'Email' },
      note: { label: 'Nota di chi prenota' },
      operatorMessage: { label: 'Messaggio per chi prenota', description: 'Va nell’email di conferma.' },
      language: { label: 'Lingua' },
      consentAt: { label: 'Consenso dato il' },
      notifiedState: { label: 'Ultimo avviso inviato' },
    },
  },
};

/**
 * The edit view in the order the work is done: what it is, its dates, how to take part, whose it is
 * and where it shows, its verification. Each group starts a new row; within a group the fields keep
 * the order Strapi (or «Configura la vista») gave them.
 */
export const EDIT_GROUPS: Array<{ name: string; fields: RegExp }> = [
  {
    name: 'date',
    fields:
      /^(deadline|opensOn|startsAt|endsAt|registrationDeadline|answeredOn|publishedOn|date|startsOn|endsOn|year)$/,
  },
  {
    name: 'come partecipare',
    fields:
      /^(howToApply|applyUrl|applyEmail|registrationUrl|onlineUrl|venue|municipality|remote|organisation|organiser|contact\w*|sourceUrl|url|attachments)$/,
  },
  { name: 'territorio e visibilità', fields: /^(territory|regional|audience|audiences|language|featured)$/ },
  { name: 'verifica', fields: /^(lastVerifiedAt|toReview|verifiedBy|fromSubmission)$/ },
];

type EditField = { name: string; size: number };

/** The edit layout's fields grouped as EDIT_GROUPS says (content first), packed in rows of 12. */
export function groupedEditLayout(rows: EditField[][]): EditField[][] {
  const rank = (field: EditField) => 1 + EDIT_GROUPS.findIndex((group) => group.fields.test(field.name));
  const fields = rows.flat().map((field, index) => ({ field, index, group: rank(field) }));
  fields.sort((a, b) => a.group - b.group || a.index - b.index);
  const packed: EditField[][] = [];
  let row: EditField[] = [];
  let width = 0;
  let group = -1;
  for (const { field, group: fieldGroup } of fields) {
    if (row.length && (fieldGroup !== group || width + field.size > 12)) {
      packed.push(row);
      row = [];
      width = 0;
    }
    row.push(field);
    width += field.size;
    group = fieldGroup;
  }
  if (row.length) packed.push(row);
  return packed;
}

type Metadata = { edit: Record<string, unknown>; list: Record<string, unknown> };
type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: EditField[][] };
};
type ContentTypesService = {
  findContentType(uid: string): unknown;
  findConfiguration(contentType: unknown): Promise<Configuration>;
  updateConfiguration(contentType: unknown, configuration: Omit<Configuration, 'uid'>): Promise<unknown>;
};

/** What `LAYOUTS` makes of a stored configuration: labels, descriptions, list columns and order. */
export function withLayout(uid: string, current: Configuration, attributes: Record<string, unknown>): Configuration {
  const layout = LAYOUTS[uid]!;
  const labels = { ...COMMON, ...layout.fields };
  const metadatas = { ...current.metadatas };
  for (const [field, meta] of Object.entries(metadatas)) {
    const wanted = labels[field];
    if (!wanted) continue;
    metadatas[field] = {
      edit: { ...meta.edit, label: wanted.label, description: wanted.description ?? '' },
      list: { ...meta.list, label: wanted.label },
    };
  }
  const missing = [...layout.list, layout.sort[0]].filter((field) => !(field in attributes));
  if (missing.length) throw new Error(`content-manager-layouts: ${uid} has no field ${missing.join(', ')}`);
  return {
    ...current,
    metadatas,
    settings: { ...current.settings, defaultSortBy: layout.sort[0], defaultSortOrder: layout.sort[1] },
    layouts: { ...current.layouts, list: layout.list, edit: groupedEditLayout(current.layouts.edit) },
  };
}

/** Applies `LAYOUTS` through the content manager's own service (what «Configura la vista» saves). */
export async function applyContentManagerLayouts(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('content-manager').service('content-types') as unknown as ContentTypesService;
  for (const uid of Object.keys(LAYOUTS)) {
    const contentType = service.findContentType(uid);
    if (!contentType) continue;
    const current = await service.findConfiguration(contentType);
    const attributes = strapi.contentType(uid as never).attributes as Record<string, unknown>;
    const { uid: _uid, ...next } = withLayout(uid, current, attributes) as Configuration & { uid?: string };
    await service.updateConfiguration(contentType, next);
  }
}
