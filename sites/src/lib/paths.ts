/** Links inside the hub, under its base (`/cremona/`), always with a trailing slash. */
export function hubPath(...segments: string[]): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const rest = segments.filter(Boolean).join('/');
  return rest ? `${base}${rest}/` : base;
}

/** The URL segment of each content type's pages, in Italian. */
export const SECTIONS = {
  opportunities: 'opportunita',
  tutorials: 'tutorial',
  professions: 'professioni',
  events: 'eventi',
  questions: 'esperto-risponde',
  operatorResources: 'risorse-operatori',
  news: 'news',
  areas: 'aree',
  contacts: 'contatti',
  about: 'chi-siamo',
  accessibility: 'accessibilita',
  search: 'cerca',
} as const;
export type SectionKey = keyof typeof SECTIONS;

export const entryPath = (section: SectionKey, slug: string) => hubPath(SECTIONS[section], slug);
