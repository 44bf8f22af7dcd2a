// Ambient declarations: no import or export at the top level, or they would be augmentations.

declare module 'virtual:sito/static-pages' {
  /** The hub's fixed pages, from Astro's routes (src/integrations/static-pages.ts). */
  // An ambient module cannot import a relative path: the type is named inline, from its one definition.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const pages: import('./integrations/static-pages').StaticPages;
  export default pages;
}
