import {
  codeLabel,
  DEMAND_LABELS_EN,
  DEMAND_LABELS_IT,
  EVENT_KIND_LABELS_EN,
  EVENT_KIND_LABELS_IT,
  OPPORTUNITY_KIND_LABELS_EN,
  OPPORTUNITY_KIND_LABELS_IT,
  RESOURCE_KIND_LABELS_EN,
  RESOURCE_KIND_LABELS_IT,
  type Locale,
  type OpportunityKind,
} from '@sito/shared';

/**
 * Every string a reader sees, by language. Components take their words from here, never inline.
 * Italian is the site's language; English covers the pages of content that exists in English, and
 * must say everything Italian says (the type makes sure).
 */
const it = {
  languageName: 'Italiano',
  /** The link to this language's version of a page, written in this language. */
  readInThisLanguage: 'Leggi in italiano',
  languages: 'Lingue del sito',
  inThisLanguage: (site: string) => `${site} in italiano`,
  inThisLanguageIntro: 'Le opportunità, le guide e le notizie pubblicate in italiano.',
  skipToContent: 'Vai al contenuto principale',
  skipToFooter: 'Vai ai contatti',
  network: 'Rete Informagiovani della Lombardia',
  mainNav: 'Menu principale',
  menu: 'Menu',
  nav: {
    opportunities: 'Opportunità',
    events: 'Eventi',
    tutorials: 'Guide',
    professions: 'Professioni',
    questions: "L'esperto risponde",
    news: 'Notizie',
    usefulLinks: 'Siti utili',
    readings: 'Bibliografia',
    areas: 'Aree tematiche',
    contacts: 'Contatti',
    search: 'Cerca',
  },
  homeTitle: 'Opportunità per i giovani',
  homeIntro: 'Lavoro, tirocini, bandi, formazione e volontariato selezionati dal tuo Informagiovani.',
  closingSoon: 'In scadenza',
  allOpportunities: 'Tutte le opportunità',
  upcomingEvents: 'Prossimi eventi',
  allEvents: 'Tutti gli eventi',
  areasTitle: 'Aree tematiche',
  areasIntro: 'Informazioni e strumenti organizzati per argomento.',
  nearestOffice: 'Il tuo sportello',
  todayHours: 'Oggi',
  closedToday: 'Oggi chiuso',
  openOpportunities: (n: number) => (n === 1 ? '1 opportunità aperta' : `${n} opportunità aperte`),
  noOpportunities: 'Al momento non ci sono opportunità aperte. Torna a trovarci presto!',
  noEntries: 'Al momento non ci sono contenuti in questa sezione.',
  deadline: 'Scadenza',
  noDeadline: 'Senza scadenza',
  closesToday: 'Scade oggi',
  closesIn: (days: number) => (days === 1 ? 'Scade domani' : `Scade tra ${days} giorni`),
  closed: 'Chiusa',
  closedNotice: 'Questa opportunità è scaduta: non è più possibile candidarsi.',
  regional: 'Regionale',
  toReview: 'Informazione da verificare con lo sportello',
  readMore: 'Leggi tutto',
  organisation: 'Chi la offre',
  where: 'Dove',
  remote: 'A distanza',
  wholeRegion: 'In tutta la Lombardia',
  ages: 'Età',
  ageRange: (min: number, max: number) => `Dai ${min} ai ${max} anni`,
  requirements: 'Requisiti',
  howToApply: 'Come candidarsi',
  applyOnline: 'Candidati online',
  applyByEmail: 'Scrivi a',
  source: 'Fonte',
  attachments: 'Allegati',
  // The Italian words for the stored codes, shared with the admin (shared/src/code-labels.ts).
  kinds: { ...OPPORTUNITY_KIND_LABELS_IT } satisfies Record<OpportunityKind, string>,
  eventKinds: { ...EVENT_KIND_LABELS_IT } as Record<string, string>,
  demand: { ...DEMAND_LABELS_IT } as Record<string, string>,
  resourceKinds: { ...RESOURCE_KIND_LABELS_IT } as Record<string, string>,
  upcoming: 'In programma',
  past: 'Eventi passati',
  when: 'Quando',
  venue: 'Luogo',
  online: 'Online',
  register: 'Iscriviti',
  registerBy: (date: string) => `Iscrizioni entro il ${date}`,
  audience: 'Per chi',
  audiences: {
    'young-people': 'Giovani',
    families: 'Famiglie',
    companies: 'Aziende',
    operators: 'Operatori',
  } as Record<string, string>,
  organiser: 'Organizza',
  steps: 'I passi',
  readingTime: (minutes: number) => `Lettura: ${minutes} minuti`,
  templates: 'Modelli da scaricare',
  relatedOpportunities: 'Opportunità collegate',
  relatedProfessions: 'Professioni collegate',
  relatedTutorials: 'Guide collegate',
  sector: 'Settore',
  studyPaths: 'Percorsi di studio',
  duration: 'Durata',
  whereToStudy: 'Dove',
  skills: 'Competenze',
  testimonials: 'Testimonianze',
  answeredBy: (office: string, date: string) => `Risponde ${office}, ${date}`,
  answer: 'La risposta',
  openResource: 'Apri la risorsa',
  operatorResourcesTitle: 'Risorse per operatori',
  addToCalendar: 'Aggiungi al calendario',
  addDeadlineToCalendar: 'Aggiungi la scadenza al calendario',
  rssFeed: 'Segui con il feed RSS',
  calendarFeeds: 'Calendari',
  eventsCalendar: 'Calendario degli eventi',
  deadlinesCalendar: 'Calendario delle scadenze',
  openData: 'Dati aperti',
  openDataIntro: (owner: string) =>
    `Le opportunità e gli eventi di questo sito sono dati aperti pubblicati da ${owner}: puoi scaricarli, riusarli e ripubblicarli, anche per fini commerciali.`,
  openDataLicence: 'Licenza:',
  openDataAttribution: (owner: string) => `cita «${owner}» come fonte e indica se hai modificato i dati.`,
  openDataCatalogueIntro:
    'I dataset sono descritti secondo il profilo nazionale DCAT-AP_IT, così il catalogo nazionale dati.gov.it li può raccogliere:',
  openDataCatalogue: 'catalogo DCAT-AP_IT (JSON-LD)',
  openDataDownload: (format: string) => `Scarica in ${format}`,
  openDataModified: (date: string) => `Ultimo aggiornamento dei dati: ${date}.`,
  openDataColumns: (title: string) => `Le colonne di «${title}»`,
  openDataColumn: 'Colonna',
  openDataMeaning: 'Contenuto',
  opportunitiesFeed: 'Feed RSS delle opportunità',
  forOperators: 'Per gli operatori',
  operatorResourcesIntro:
    'Materiali per chi lavora negli sportelli della rete Informagiovani: buone pratiche, strumenti, formazione e registrazioni dei webinar. Se cerchi opportunità per te, parti dalla pagina Opportunità.',
  /** The network's tools set apart on the home and area pages (components/FeaturedLinks.astro). */
  featuredTools: 'Strumenti della rete',
  usefulLinksIntro:
    "I siti che gli operatori Informagiovani consigliano per cercare lavoro, formazione e opportunità, in Italia e all'estero, divisi per argomento. Ogni titolo apre il sito.",
  usefulLink: 'Sito utile',
  visitSite: 'Vai al sito',
  readingsIntro:
    "Libri e guide consigliati dagli operatori Informagiovani su curriculum, ricerca del lavoro, orientamento e lavoro all'estero, divisi per argomento.",
  reading: 'Libro o guida',
  authors: 'Autori',
  publisher: 'Editore',
  year: 'Anno',
  isbn: 'ISBN',
  whyRead: 'Perché leggerlo',
  readOnline: 'Leggi online o sul sito dell’editore',
  otherTopics: 'Altri argomenti',
  projectsTitle: 'Progetti',
  projectsIntro:
    'I progetti e i programmi della rete Informagiovani sul territorio: chi li realizza, con quali fondi, che cosa hanno ottenuto e come partecipare.',
  project: 'Progetto',
  currentProjects: 'In corso',
  concludedProjects: 'Conclusi',
  period: 'Periodo',
  projectPeriod: (start: string, end: string | null) => (end ? `Dal ${start} al ${end}` : `Dal ${start}, in corso`),
  projectConcluded: 'Concluso',
  partners: 'Partner',
  leadPartner: 'capofila',
  funding: 'Finanziamento',
  fundingAmount: (amount: string) => `Contributo: ${amount}`,
  outcomes: 'Risultati',
  relatedEvents: 'Prossimi eventi collegati',
  openRelatedOpportunities: 'Opportunità aperte collegate',
  pagination: 'Pagine',
  previousPage: 'Pagina precedente',
  nextPage: 'Pagina successiva',
  pageOf: (page: number, last: number) => `Pagina ${page} di ${last}`,
  sectionsTitle: 'Sezioni',
  inThisSection: 'In questa sezione',
  contactsTitle: 'Contatti e orari',
  contactsIntro: 'Vieni a trovarci: gli operatori ti aiutano a orientarti, scrivere il CV e trovare opportunità.',
  openingHours: 'Orari di apertura',
  exceptions: 'Aperture straordinarie e chiusure',
  closedOn: 'chiuso',
  antennasTitle: 'Le antenne sul territorio',
  antennasIntro: "Sportelli dell'Informagiovani in altri comuni, con gli stessi servizi e i loro orari.",
  phone: 'Telefono',
  email: 'Email',
  website: 'Sito web',
  map: 'Vedi sulla mappa (OpenStreetMap)',
  days: {
    monday: 'Lunedì',
    tuesday: 'Martedì',
    wednesday: 'Mercoledì',
    thursday: 'Giovedì',
    friday: 'Venerdì',
    saturday: 'Sabato',
    sunday: 'Domenica',
  } as Record<string, string>,
  aboutTitle: 'Chi siamo',
  aboutText: (name: string) =>
    `${name} è il servizio del Comune che informa e orienta ragazze e ragazzi dai 15 ai 34 anni su lavoro, formazione, volontariato, mobilità all'estero e tempo libero. Fa parte della rete Informagiovani della Lombardia: le opportunità regionali che vedi qui sono condivise da tutti gli sportelli della rete.`,
  accessibilityTitle: 'Dichiarazione di accessibilità',
  accessibilityText:
    "Questo sito è progettato per essere conforme alle Linee guida sull'accessibilità degli strumenti informatici (WCAG 2.1 livello AA), come richiesto dalla Legge 4/2004. Ogni pagina funziona con la tastiera e senza JavaScript (tranne la ricerca), ha un contrasto sufficiente e una struttura di titoli coerente. Se trovi un problema di accessibilità, scrivici: ti risponderemo entro 30 giorni.",
  accessibilityFeedback: 'Segnala un problema di accessibilità',
  breadcrumb: 'Percorso di navigazione',
  home: 'Home',
  searchTitle: 'Cerca nel sito',
  searchLabel: 'Cosa stai cercando?',
  searchPlaceholder: 'Es. tirocinio, stagionale, servizio civile',
  searchNoJs: 'La ricerca ha bisogno di JavaScript. Puoi comunque sfogliare tutte le opportunità dalla home.',
  searchLoading: 'Ricerca in corso…',
  searchResults: (n: number) => (n === 1 ? '1 risultato' : `${n} risultati`),
  searchNone: (q: string) => `Nessun risultato per «${q}».`,
  /** «Tutti» or «Tutte», agreeing with each filter's name (l'area tematica: tutte). */
  searchAny: { tipo: 'Tutti', area: 'Tutte', territorio: 'Tutti', pubblico: 'Tutti', eta: 'Qualsiasi' } as Record<
    string,
    string
  >,
  /** How a filter's values read in its list, `{v}` the value: «17 anni». */
  searchValues: { eta: '{v} anni' } as Record<string, string>,
  searchSort: 'Ordina per',
  searchSortRelevance: 'Pertinenza',
  searchSortDeadline: 'Scadenza più vicina',
  searchSortDate: 'Più recenti',
  searchNetwork: 'Cerca in tutta la rete Informagiovani',
  searchFilters: {
    tipo: 'Tipo',
    area: 'Area tematica',
    territorio: 'Territorio',
    pubblico: 'Per chi',
    eta: 'La tua età',
  } as Record<string, string>,
  partnerHubs: 'Gli altri Informagiovani della rete',
  /** A plain search form on pages without the search island (the 404 page): it opens the search page. */
  searchSubmit: 'Cerca',
  notFoundTitle: 'Pagina non trovata',
  notFoundText:
    "A questo indirizzo non c'è nessuna pagina: forse è scritto in modo diverso, o la pagina non esiste più. Prova a cercare quello che ti serve, o dai un'occhiata alle ultime opportunità pubblicate.",
  latestOpportunities: 'Ultime opportunità pubblicate',
  backHome: 'Torna alla home',
  goneTitle: 'Non più disponibile',
  goneText:
    'Il contenuto che si trovava a questo indirizzo è stato tolto dal sito e non tornerà. Qui sotto trovi che cosa era e alcune opportunità aperte che potrebbero interessarti.',
  goneWhat: "Che cosa c'era a questo indirizzo",
  goneEntryTitle: 'Titolo',
  goneSection: 'Sezione',
  goneKind: 'Tipo',
  goneClosedAt: 'Chiusura',
  goneWithdrawnAt: 'Rimozione dal sito',
  similarOpportunities: 'Opportunità aperte simili',
  goToSection: (section: string) => `Vai alla sezione «${section}»`,
  movedTitle: 'Pagina spostata',
  movedText: 'Questa pagina si è spostata:',
  footerContacts: 'Contatti',
  footerNote: 'Sito realizzato con SITO Giovani, piattaforma open source della rete Informagiovani.',
};

type Dictionary = typeof it;

const en: Dictionary = {
  languageName: 'English',
  readInThisLanguage: 'Read in English',
  languages: 'Site languages',
  inThisLanguage: (site: string) => `${site} in English`,
  inThisLanguageIntro:
    'Opportunities, guides and news that we also publish in English. The rest of the site, including contacts and opening hours, is in Italian.',
  skipToContent: 'Skip to main content',
  skipToFooter: 'Skip to contacts',
  network: 'Informagiovani network of Lombardy',
  mainNav: 'Main menu',
  menu: 'Menu',
  nav: {
    opportunities: 'Opportunities',
    events: 'Events',
    tutorials: 'Guides',
    professions: 'Professions',
    questions: 'Ask the expert',
    news: 'News',
    usefulLinks: 'Useful websites',
    readings: 'Reading list',
    areas: 'Thematic areas',
    contacts: 'Contacts',
    search: 'Search',
  },
  homeTitle: 'Opportunities for young people',
  homeIntro: 'Jobs, internships, calls, training and volunteering, selected by your Informagiovani.',
  closingSoon: 'Closing soon',
  allOpportunities: 'All opportunities',
  upcomingEvents: 'Upcoming events',
  allEvents: 'All events',
  areasTitle: 'Thematic areas',
  areasIntro: 'Information and tools, arranged by topic.',
  nearestOffice: 'Your local office',
  todayHours: 'Today',
  closedToday: 'Closed today',
  openOpportunities: (n: number) => (n === 1 ? '1 open opportunity' : `${n} open opportunities`),
  noOpportunities: 'There are no open opportunities at the moment. Come back soon!',
  noEntries: 'There is nothing in this section at the moment.',
  deadline: 'Deadline',
  noDeadline: 'No deadline',
  closesToday: 'Closes today',
  closesIn: (days: number) => (days === 1 ? 'Closes tomorrow' : `Closes in ${days} days`),
  closed: 'Closed',
  closedNotice: 'This opportunity has closed: applications are no longer accepted.',
  regional: 'Regional',
  toReview: 'Check this information with the office',
  readMore: 'Read more',
  organisation: 'Offered by',
  where: 'Where',
  remote: 'Remote',
  wholeRegion: 'Anywhere in Lombardy',
  ages: 'Age',
  ageRange: (min: number, max: number) => `From ${min} to ${max}`,
  requirements: 'Requirements',
  howToApply: 'How to apply',
  applyOnline: 'Apply online',
  applyByEmail: 'Write to',
  source: 'Source',
  attachments: 'Attachments',
  // The English words for the stored codes, shared with the admin (shared/src/code-labels.ts).
  kinds: { ...OPPORTUNITY_KIND_LABELS_EN } satisfies Record<OpportunityKind, string>,
  eventKinds: { ...EVENT_KIND_LABELS_EN } as Record<string, string>,
  demand: { ...DEMAND_LABELS_EN } as Record<string, string>,
  resourceKinds: { ...RESOURCE_KIND_LABELS_EN } as Record<string, string>,
  upcoming: 'Coming up',
  past: 'Past events',
  when: 'When',
  venue: 'Venue',
  online: 'Online',
  register: 'Register',
  registerBy: (date: string) => `Register by ${date}`,
  audience: 'Who it is for',
  audiences: {
    'young-people': 'Young people',
    families: 'Families',
    companies: 'Employers',
    operators: 'Staff',
  },
  organiser: 'Organised by',
  steps: 'Step by step',
  readingTime: (minutes: number) => `Reading time: ${minutes} minutes`,
  templates: 'Templates to download',
  relatedOpportunities: 'Related opportunities',
  relatedProfessions: 'Related professions',
  relatedTutorials: 'Related guides',
  sector: 'Sector',
  studyPaths: 'Study paths',
  duration: 'Length',
  whereToStudy: 'Where',
  skills: 'Skills',
  testimonials: 'In their own words',
  answeredBy: (office: string, date: string) => `Answered by ${office}, ${date}`,
  answer: 'The answer',
  openResource: 'Open the resource',
  operatorResourcesTitle: 'Resources for staff',
  addToCalendar: 'Add to calendar',
  addDeadlineToCalendar: 'Add the deadline to your calendar',
  rssFeed: 'Follow with the RSS feed',
  calendarFeeds: 'Calendars',
  eventsCalendar: 'Events calendar',
  deadlinesCalendar: 'Deadlines calendar',
  openData: 'Open data',
  openDataIntro: (owner: string) =>
    `The opportunities and events of this site are open data published by ${owner}: you may download, reuse and republish them, commercially too.`,
  openDataLicence: 'Licence:',
  openDataAttribution: (owner: string) => `credit «${owner}» as the source and say whether you changed the data.`,
  openDataCatalogueIntro:
    "The datasets are described in DCAT-AP_IT, the Italian profile, so that Italy's national catalogue dati.gov.it can harvest them:",
  openDataCatalogue: 'DCAT-AP_IT catalogue (JSON-LD)',
  openDataDownload: (format: string) => `Download as ${format}`,
  openDataModified: (date: string) => `Data last updated: ${date}.`,
  openDataColumns: (title: string) => `The columns of «${title}»`,
  openDataColumn: 'Column',
  openDataMeaning: 'Content',
  opportunitiesFeed: 'RSS feed of opportunities',
  forOperators: 'For the network’s staff',
  operatorResourcesIntro:
    'Material for the staff of the Informagiovani offices: good practices, tools, training and webinar recordings. Looking for opportunities for yourself? Start from the Opportunities page.',
  featuredTools: "The network's tools",
  usefulLinksIntro:
    'The websites Informagiovani staff recommend for finding work, training and opportunities, in Italy and abroad, by topic. Each title opens the site.',
  usefulLink: 'Useful website',
  visitSite: 'Go to the website',
  readingsIntro:
    'Books and guides recommended by Informagiovani staff on CVs, job hunting, career choices and working abroad, by topic.',
  reading: 'Book or guide',
  authors: 'Authors',
  publisher: 'Publisher',
  year: 'Year',
  isbn: 'ISBN',
  whyRead: 'Why read it',
  readOnline: 'Read it online or on the publisher’s site',
  otherTopics: 'Other topics',
  projectsTitle: 'Projects',
  projectsIntro:
    'Projects and programmes the Informagiovani network runs in the area: who runs them, how they are funded, what they achieved and how to take part.',
  project: 'Project',
  currentProjects: 'Running',
  concludedProjects: 'Concluded',
  period: 'Period',
  projectPeriod: (start: string, end: string | null) => (end ? `From ${start} to ${end}` : `Since ${start}, ongoing`),
  projectConcluded: 'Concluded',
  partners: 'Partners',
  leadPartner: 'lead partner',
  funding: 'Funding',
  fundingAmount: (amount: string) => `Grant: ${amount}`,
  outcomes: 'Results',
  relatedEvents: 'Related upcoming events',
  openRelatedOpportunities: 'Related open opportunities',
  pagination: 'Pages',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageOf: (page: number, last: number) => `Page ${page} of ${last}`,
  sectionsTitle: 'Sections',
  inThisSection: 'In this section',
  contactsTitle: 'Contacts and opening hours',
  contactsIntro: 'Come and see us: our staff will help you find your way, write your CV and find opportunities.',
  openingHours: 'Opening hours',
  exceptions: 'Special opening days and closures',
  closedOn: 'closed',
  antennasTitle: 'Branch offices in the area',
  antennasIntro: 'Informagiovani desks in other towns, with the same services and their own opening hours.',
  phone: 'Phone',
  email: 'Email',
  website: 'Website',
  map: 'See on the map (OpenStreetMap)',
  days: {
    monday: 'Monday',
    tuesday: 'Tuesday',
    wednesday: 'Wednesday',
    thursday: 'Thursday',
    friday: 'Friday',
    saturday: 'Saturday',
    sunday: 'Sunday',
  },
  aboutTitle: 'About us',
  aboutText: (name: string) =>
    `${name} is the municipal service that informs and advises young people aged 15 to 34 on work, training, volunteering, going abroad and free time. It is part of the Informagiovani network of Lombardy: the regional opportunities you see here are shared by every office in the network.`,
  accessibilityTitle: 'Accessibility statement',
  accessibilityText:
    'This site is designed to conform to the Web Content Accessibility Guidelines (WCAG 2.1 level AA), as required by Italian Law 4/2004. Every page works with a keyboard and without JavaScript (except search), has sufficient contrast and a consistent heading structure. If you find an accessibility problem, write to us: we will answer within 30 days.',
  accessibilityFeedback: 'Report an accessibility problem',
  breadcrumb: 'Breadcrumb',
  home: 'Home',
  searchTitle: 'Search the site',
  searchLabel: 'What are you looking for?',
  searchPlaceholder: 'E.g. internship, seasonal work, EURES',
  searchNoJs:
    'Search needs JavaScript. You can still browse everything we publish in English from the English home page.',
  searchLoading: 'Searching…',
  searchResults: (n: number) => (n === 1 ? '1 result' : `${n} results`),
  searchNone: (q: string) => `No results for “${q}”.`,
  searchAny: { tipo: 'All', area: 'All', territorio: 'All', pubblico: 'All', eta: 'Any' },
  searchValues: { eta: '{v} years old' },
  searchSort: 'Sort by',
  searchSortRelevance: 'Relevance',
  searchSortDeadline: 'Closest deadline',
  searchSortDate: 'Most recent',
  searchNetwork: 'Search the whole Informagiovani network',
  searchFilters: {
    tipo: 'Type',
    area: 'Thematic area',
    territorio: 'Area office',
    pubblico: 'Who it is for',
    eta: 'Your age',
  },
  partnerHubs: 'Other Informagiovani in the network',
  searchSubmit: 'Search',
  notFoundTitle: 'Page not found',
  notFoundText:
    'There is no page at this address: it may be spelt differently, or the page no longer exists. Try searching for what you need, or have a look at the latest opportunities.',
  latestOpportunities: 'Latest opportunities',
  backHome: 'Go to the home page',
  goneTitle: 'No longer available',
  goneText:
    'What was at this address has been taken off the site and will not come back. Below you can see what it was, and some open opportunities you may like.',
  goneWhat: 'What was at this address',
  goneEntryTitle: 'Title',
  goneSection: 'Section',
  goneKind: 'Type',
  goneClosedAt: 'Closed',
  goneWithdrawnAt: 'Taken off the site',
  similarOpportunities: 'Similar open opportunities',
  goToSection: (section: string) => `Go to «${section}»`,
  movedTitle: 'Page moved',
  movedText: 'This page has moved:',
  footerContacts: 'Contacts',
  footerNote: 'Site built with SITO Giovani, the open-source platform of the Informagiovani network.',
};

export const ui = { it, en } satisfies Record<Locale, Dictionary>;

export type Lang = keyof typeof ui;
export const defaultLang: Lang = 'it';
export const t = (lang: Lang = defaultLang) => ui[lang];

/**
 * The name of a section (a key of SECTIONS: `opportunities`, `usefulLinks`…) as the menus and
 * titles call it, or the key itself for one the site does not know.
 */
export function sectionName(section: string, lang: Lang = defaultLang): string {
  const words = ui[lang];
  const names: Record<string, string> = {
    ...words.nav,
    operatorResources: words.operatorResourcesTitle,
    projects: words.projectsTitle,
    about: words.aboutTitle,
    accessibility: words.accessibilityTitle,
  };
  return names[section] ?? section;
}

/**
 * The word for a stored kind code (an opportunity's, an event's, an operator resource's), whatever
 * type it belongs to: the site's own words, then the admin's (shared/src/code-labels.ts), then
 * the code itself.
 */
export function kindLabel(kind: string, lang: Lang = defaultLang): string {
  const words = ui[lang];
  const kinds: Record<string, string> = words.kinds;
  return kinds[kind] ?? words.eventKinds[kind] ?? words.resourceKinds[kind] ?? codeLabel('kind', kind);
}

/**
 * The `lang` attribute for text the CMS keeps in Italian only (a place, an organisation, an office
 * name) when it appears on a page in `lang`: nothing on Italian pages, `it` on the others, so
 * screen readers switch voice.
 */
export const untranslated = (lang: Lang): Lang | undefined => (lang === defaultLang ? undefined : defaultLang);

const LOCALES: Record<Lang, string> = { it: 'it-IT', en: 'en-GB' };

// Formatters are made once per language: creating one costs far more than using it, and every card
// formats dates.
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();
const formatter = (cache: Map<Lang, Intl.DateTimeFormat>, lang: Lang, options: Intl.DateTimeFormatOptions) => {
  let format = cache.get(lang);
  if (!format) cache.set(lang, (format = new Intl.DateTimeFormat(LOCALES[lang], options)));
  return format;
};

/** A date as written in prose: "5 dicembre 2026", "5 December 2026". */
export const formatDate = (isoDate: string, lang: Lang = defaultLang) =>
  formatter(dateFormats, lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  );

/** A moment in Rome: "sabato 5 dicembre 2026 alle ore 09:30", "Saturday, 5 December 2026 at 09:30". */
export const formatDateTime = (iso: string, lang: Lang = defaultLang) =>
  formatter(dateTimeFormats, lang, { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(
    new Date(iso),
  );

/**
 * Words in a sentence: "giovani, aziende e scuole", "young people, companies and schools". In
 * Italian only the first keeps its capital (labels are capitalised to stand alone).
 */
export function listOf(words: readonly string[], lang: Lang = defaultLang): string {
  const inSentence = words.map((word, index) =>
    lang === 'it' && index > 0 ? word.charAt(0).toLocaleLowerCase('it') + word.slice(1) : word,
  );
  return new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' }).format(inSentence);
}

/** An amount in euros, without cents: "170.000 €", "€170,000". */
export const formatEuros = (amount: number, lang: Lang = defaultLang) =>
  new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount);
