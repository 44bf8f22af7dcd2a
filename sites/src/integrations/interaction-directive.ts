import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * `client:interaction` (src/directives/interaction.ts). Astro inlines the directive's compiled
 * code in the pages that use it: scripts/lib/publishing/security-headers.ts compiles the same
 * entry point to allow it by its hash in the Content-Security-Policy.
 */
export const INTERACTION_DIRECTIVE = {
  name: 'interaction',
  entrypoint: fileURLToPath(new URL('../directives/interaction.ts', import.meta.url)),
};

/** Registers `client:interaction`. */
export function interactionDirective(): AstroIntegration {
  return {
    name: 'sito:client-interaction',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective(INTERACTION_DIRECTIVE);
      },
    },
  };
}
