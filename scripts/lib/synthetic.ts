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

/**
 * Writes a seed folder (same format as cms/seed/demo) with `count` synthetic opportunities for one
 * territory, plus a second territory with a few entries so filtering by hub is exercised.
 */
export function writeSyntheticSeed(dir: string, count: number, hub = 'bench'): void {
  fs.mkdirSync(dir, { recursive: true });
  const territories = [
    {
      slug: hub,
      name: 'Informagiovani Benchmark',
      shortName: 'Benchmark',
      tagline: 'Territorio sintetico per le misure di prestazione',
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
        { type: 'heading', level: 2, children: [{ type: 'text', text: 'Requisiti' }] },
        {
          type: 'list',
          format: 'unordered',
          children: [
            { type: 'list-item', children: [{ type: 'text', text: 'Età tra 18 e 34 anni' }] },
            { type: 'list-item', children: [{ type: 'text', text: `Disponibilità a lavorare a ${place}` }] },
          ],
        },
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
}
