/**
 * Every string a reader sees, by language. Components take their words from here, never inline.
 * English is added where content exists in English.
 */
export const ui = {
  it: {
    skipToContent: 'Vai al contenuto principale',
    skipToSearch: 'Vai alla ricerca',
    network: 'Rete Informagiovani della Lombardia',
    navOpportunities: 'Opportunità',
    navSearch: 'Cerca',
    mainNav: 'Menu principale',
    homeTitle: 'Opportunità per i giovani',
    homeIntro: 'Lavoro, tirocini, bandi, formazione e volontariato selezionati dal tuo Informagiovani.',
    openOpportunities: (n: number) => (n === 1 ? '1 opportunità aperta' : `${n} opportunità aperte`),
    noOpportunities: 'Al momento non ci sono opportunità aperte. Torna a trovarci presto!',
    deadline: 'Scadenza',
    noDeadline: 'Senza scadenza',
    closesToday: 'Scade oggi',
    closesIn: (days: number) => (days === 1 ? 'Scade domani' : `Scade tra ${days} giorni`),
    closed: 'Chiusa',
    closedNotice: 'Questa opportunità è scaduta: non è più possibile candidarsi.',
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
    backToList: 'Torna alle opportunità',
    breadcrumb: 'Percorso di navigazione',
    home: 'Home',
    searchTitle: 'Cerca nel sito',
    searchLabel: 'Cosa stai cercando?',
    searchPlaceholder: 'Es. tirocinio, stagionale, servizio civile',
    searchNoJs: 'La ricerca ha bisogno di JavaScript. Puoi comunque sfogliare tutte le opportunità dalla home.',
    searchLoading: 'Ricerca in corso…',
    searchResults: (n: number) => (n === 1 ? '1 risultato' : `${n} risultati`),
    searchNone: (q: string) => `Nessun risultato per «${q}».`,
    partnerHubs: 'Gli altri Informagiovani della rete',
    footerNote: 'Sito realizzato con SITO Giovani, piattaforma open source della rete Informagiovani.',
  },
} as const;

export type Lang = keyof typeof ui;
export const defaultLang: Lang = 'it';
export const t = (lang: Lang = defaultLang) => ui[lang];
