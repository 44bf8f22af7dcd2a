import fs from 'node:fs';
import path from 'node:path';

const KINDS = [
  'Tirocinio extracurricolare',
  'Offerta di lavoro',
  'Apprendistato',
  'Lavoro stagionale',
  'Servizio civile',
  'Volontariato',
  'Corso di formazione',
  'Bando',
  'Concorso pubblico',
  'Campo di lavoro',
];
const OPPORTUNITY_KINDS = [
  'internship',
  'job',
  'apprenticeship',
  'seasonal',
  'civil-service',
  'volunteering',
  'course',
  'call',
  'competition',
  'work-camp',
];
const ROLES = [
  'addetto alla comunicazione',
  'operatore socio-sanitario',
  'magazziniere',
  'sviluppatore web',
  'educatore nei centri estivi',
  'cameriere di sala',
  'tecnico meccatronico',
  'bibliotecario',
  'animatore turistico',
  'contabile junior',
  'grafico',
  'cuoco',
];
const PLACES = ['Cremona', 'Crema', 'Casalmaggiore', 'Lecco', 'Soresina', 'Pizzighettone', 'Viadana', 'Valsassina'];

type Json = Record<string, unknown>;

/** A rich-text paragraph (Strapi blocks). */
const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

/** How many entries of each type other than opportunities the hub gets (one more goes to the other territory). */
const OTHER_TYPES_PER_HUB = 6;

/**
 * A few entries of every type other than opportunities, so every template of the hub is built and
 * measured: `make(i, territory)` gives the type's own fields, ownership is added here.
 */
function entriesOf(hub: string, make: (i: number, territory: string) => Json): Json[] {
  return Array.from({ length: OTHER_TYPES_PER_HUB + 1 }, (_, i) => {
    const territory = i < OTHER_TYPES_PER_HUB ? hub : `${hub}-altro`;
    return { territory, regional: false, ...make(i, territory), lastVerifiedAtInDays: -(i * 7), verifiedBy: territory };
  });
}

/** The bench hub's office, so the contacts page and the home's opening hours have something to show. */
const contactPoint = (place: string, street: string) => ({
  name: `Informagiovani di ${place}`,
  address: street,
  municipality: place,
  postalCode: '26100',
  latitude: 45.1363,
  longitude: 10.0254,
  phone: '0372 407950',
  email: 'informagiovani@example.org',
  website: 'https://www.example.org/informagiovani',
  openingHours: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].flatMap((day, i) => [
    { day, opens: '09:30', closes: '12:30' },
    ...(i % 2 ? [{ day, opens: '14:30', closes: '17:30' }] : []),
  ]),
  exceptions: [{ dateInDays: 10, closed: true, opens: null, closes: null, note: 'Chiuso per festività' }],
  socialLinks: [{ label: 'Instagram', url: 'https://www.instagram.com/informagiovani.example' }],
});

/** Tutorials, professions, events, questions, operator resources, useful links, readings and news for the bench hub. */
function otherTypes(hub: string, opportunities: number): Record<string, Json[]> {
  const role = (i: number) => ROLES[i % ROLES.length]!;
  const place = (i: number) => PLACES[i % PLACES.length]!;
  const EVENT_KINDS = ['job-day', 'workshop', 'webinar', 'career-day', 'info-session', 'job-fair', 'operator-training'];
  const RESOURCE_KINDS = ['good-practice', 'tool', 'training-material', 'webinar-recording'];
  return {
    'professions.json': entriesOf(hub, (i) => ({
      slug: `professione-sintetica-${i + 1}`,
      name: `${role(i)[0]!.toUpperCase()}${role(i).slice(1)} (profilo ${i + 1})`,
      sector: 'Settore sintetico per le misure',
      thematicArea: i % 2 ? 'mestieri-emergenti' : 'professioni-in-tensione',
      description: [paragraph(`Chi lavora come ${role(i)} e che cosa fa in una giornata tipo. Profilo sintetico.`)],
      demand: ['in-demand', 'emerging', 'stable'][i % 3],
      studyPaths: [
        { path: 'Diploma di istituto tecnico', duration: '5 anni', where: `Istituti della provincia di ${place(i)}` },
        { path: 'Percorso ITS Academy', duration: '2 anni', where: null },
      ],
      skills: ['Lavoro in squadra', 'Problem solving', 'Inglese tecnico'],
      testimonials: [
        { name: `Persona ${i + 1}`, role: `${role(i)} a ${place(i)}`, quote: 'Ho iniziato con un tirocinio.' },
      ],
    })),
    'tutorials.json': entriesOf(hub, (i, territory) => ({
      slug: `tutorial-sintetico-${i + 1}`,
      title: `Guida sintetica ${i + 1}: candidarsi come ${role(i)}`,
      summary: `Passo per passo, come preparare la candidatura per un posto da ${role(i)}. Guida sintetica per le misure.`,
      thematicArea: ['cv-e-lettera-di-presentazione', 'colloquio', 'ricerca-attiva'][i % 3],
      steps: ['Prepara il CV', 'Scrivi la lettera', 'Preparati al colloquio'].map((title) => ({
        title,
        body: [paragraph(`${title}: che cosa fare, con esempi concreti per chi cerca lavoro come ${role(i)}.`)],
      })),
      readingMinutes: 4 + i,
      relatedOpportunities: territory === hub && i < opportunities ? [`opportunita-sintetica-${i + 1}`] : [],
      relatedProfessions: [`professione-sintetica-${i + 1}`],
    })),
    'events.json': entriesOf(hub, (i) => {
      const inDays = i % 3 === 2 ? -5 * i : 3 + 4 * i;
      const online = EVENT_KINDS[i % EVENT_KINDS.length] === 'webinar';
      return {
        kind: EVENT_KINDS[i % EVENT_KINDS.length],
        slug: `evento-sintetico-${i + 1}`,
        title: `Evento sintetico ${i + 1}: incontro con le aziende di ${place(i)}`,
        summary: `Un pomeriggio per conoscere le aziende di ${place(i)} che cercano giovani. Evento sintetico per le misure.`,
        body: [paragraph('Programma, relatori e modalità di iscrizione di un evento sintetico.')],
        startsAt: { inDays, time: '15:00' },
        endsAt: { inDays, time: '18:00' },
        venue: online
          ? null
          : {
              name: 'Sala civica',
              address: 'Piazza del Comune 1',
              municipality: place(i),
              latitude: null,
              longitude: null,
            },
        onlineUrl: online ? 'https://www.example.org/webinar' : null,
        registrationUrl: 'https://www.example.org/iscrizioni',
        registrationDeadlineInDays: inDays - 1,
        audience: ['young-people', 'companies'],
        organiser: 'Informagiovani Benchmark',
        thematicArea: 'eventi',
      };
    }),
    'questions.json': entriesOf(hub, (i, territory) => ({
      slug: `domanda-sintetica-${i + 1}`,
      question: `Domanda sintetica ${i + 1}: come si diventa ${role(i)} a ${place(i)}?`,
      answer: [
        paragraph(`La risposta dell'esperto: i percorsi per diventare ${role(i)}, con i servizi a cui rivolgersi.`),
      ],
      thematicArea: 'l-esperto-risponde',
      answeredBy: territory,
      answeredOnInDays: -3 * i,
    })),
    'operator-resources.json': entriesOf(hub, (i) => ({
      kind: RESOURCE_KINDS[i % RESOURCE_KINDS.length],
      slug: `risorsa-sintetica-${i + 1}`,
      title: `Risorsa sintetica ${i + 1} per gli operatori`,
      summary: 'Uno strumento sintetico per gli operatori della rete, usato per le misure di prestazione.',
      body: [paragraph('Che cosa contiene la risorsa e come usarla nei colloqui di orientamento.')],
      url: 'https://www.example.org/risorse',
    })),
    'useful-links.json': entriesOf(hub, (i) => ({
      slug: `sito-utile-sintetico-${i + 1}`,
      title: `Sito utile sintetico ${i + 1} per cercare lavoro a ${place(i)}`,
      url: `https://www.example.org/siti/${i + 1}`,
      description: `Un sito sintetico con le offerte di lavoro della zona di ${place(i)}, usato per le misure.`,
      thematicArea: i % 2 ? 'siti-utili' : 'lavoro-all-estero-ed-eures',
    })),
    'readings.json': entriesOf(hub, (i) => ({
      slug: `lettura-sintetica-${i + 1}`,
      title: `Guida sintetica ${i + 1} alla ricerca del lavoro`,
      authors: `Autrice Sintetica ${i + 1}`,
      publisher: 'Editore sintetico',
      year: 2020 + (i % 6),
      isbn: null,
      url: null,
      note: 'Una voce di bibliografia sintetica, usata per misurare le pagine della bibliografia.',
      thematicArea: 'bibliografia',
    })),
    'news.json': entriesOf(hub, (i) => ({
      slug: `notizia-sintetica-${i + 1}`,
      title: `Notizia sintetica ${i + 1} dalla rete Informagiovani`,
      dateInDays: -2 * i,
      summary: `Una notizia sintetica numero ${i + 1}, pubblicata per misurare le pagine delle news.`,
      body: [paragraph('Il testo della notizia, in due paragrafi brevi.'), paragraph('Il secondo paragrafo.')],
    })),
  };
}

/**
 * Writes a seed folder (same format as cms/seed/demo) with `count` synthetic opportunities for one
 * territory and a few entries of every other type, plus a second territory with a few entries so
 * filtering by hub is exercised.
 */
export function writeSyntheticSeed(dir: string, count: number, hub = 'bench'): void {
  fs.mkdirSync(dir, { recursive: true });
  const territories = [
    {
      slug: hub,
      name: 'Informagiovani Benchmark',
      shortName: 'Benchmark',
      tagline: 'Territorio sintetico per le misure di prestazione',
      contactPoints: [contactPoint('Cremona', 'Via Palestro 11/A'), contactPoint('Crema', 'Piazza Duomo 1')],
    },
    { slug: `${hub}-altro`, name: 'Informagiovani Altro', shortName: 'Altro', tagline: null },
  ];
  const opportunities = Array.from({ length: count + 10 }, (_, i) => {
    const kind = KINDS[i % KINDS.length]!;
    const role = ROLES[Math.floor(i / KINDS.length) % ROLES.length]!;
    const place = PLACES[i % PLACES.length]!;
    const title = `${kind}: ${role} a ${place} n. ${i + 1}`;
    return {
      territory: i < count ? hub : `${hub}-altro`,
      regional: false,
      kind: OPPORTUNITY_KINDS[i % OPPORTUNITY_KINDS.length],
      slug: `opportunita-sintetica-${i + 1}`,
      title,
      summary: `${kind} per giovani dai 18 ai 34 anni come ${role} a ${place}. Annuncio sintetico numero ${i + 1}, generato per misurare le prestazioni della piattaforma.`,
      body: [
        { type: 'paragraph', children: [{ type: 'text', text: `Cerchiamo una persona motivata come ${role}. ` }] },
      ],
      // Requirements and how to apply have their own fields, as an office writes them.
      requirements: [
        {
          type: 'list',
          format: 'unordered',
          children: [
            { type: 'list-item', children: [{ type: 'text', text: 'Età tra 18 e 34 anni' }] },
            { type: 'list-item', children: [{ type: 'text', text: `Disponibilità a lavorare a ${place}` }] },
          ],
        },
      ],
      howToApply: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'Candidature: ' },
            {
              type: 'link',
              url: 'https://www.example.org/candidature',
              children: [{ type: 'text', text: 'modulo online' }],
            },
          ],
        },
      ],
      deadlineInDays: i % 11 === 0 ? null : (i % 210) - 30,
    };
  });
  fs.writeFileSync(path.join(dir, 'territories.json'), JSON.stringify(territories));
  fs.writeFileSync(path.join(dir, 'opportunities.json'), JSON.stringify(opportunities));
  for (const [file, entries] of Object.entries(otherTypes(hub, count))) {
    fs.writeFileSync(path.join(dir, file), JSON.stringify(entries));
  }
}
