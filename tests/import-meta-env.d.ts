/**
 * Site code under test reads Vite's `import.meta.env` (the hub's base path); vitest provides it at
 * run time, but Vite's own types are not a dependency of the test project.
 */
interface ImportMeta {
  readonly env: { readonly BASE_URL: string; readonly [key: string]: unknown };
}
