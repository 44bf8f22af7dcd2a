/**
 * A request path as Strapi's router matches it: percent-decoded, lower-cased (the router is
 * case-insensitive), repeated slashes collapsed and without a trailing slash. A middleware that
 * decides by path compares this, never `ctx.path` as the client spelled it.
 */
export function normalisedPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: the router will not match it either; compare it as written.
  }
  const collapsed = decoded.toLowerCase().replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}
