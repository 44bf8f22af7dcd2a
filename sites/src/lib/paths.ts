/** Links inside the hub, under its base (`/cremona/`), always with a trailing slash. */
export function hubPath(...segments: string[]): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const rest = segments.filter(Boolean).join('/');
  return rest ? `${base}${rest}/` : base;
}

export const opportunityPath = (slug: string) => hubPath('opportunita', slug);
