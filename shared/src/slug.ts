/**
 * Turns an Italian title into a slug: "Tirocinio all'Ufficio Cultura" → "tirocinio-all-ufficio-cultura".
 * A slug longer than `maxLength` is cut at the last whole word that fits.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const midWord = slug[maxLength] !== '-';
  const lastDash = cut.lastIndexOf('-');
  return (midWord && lastDash > 0 ? cut.slice(0, lastDash) : cut).replace(/-+$/g, '');
}
