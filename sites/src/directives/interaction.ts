import type { ClientDirective } from 'astro';

/**
 * `client:interaction`: hydrates an island on the reader's first interaction with it (focus,
 * pointer, key), so a page that only shows a search box downloads no JavaScript until someone
 * starts to search. Until then the server-rendered HTML is what the reader sees.
 */
const interaction: ClientDirective = (load, _options, element) => {
  const events = ['focusin', 'pointerdown', 'keydown'] as const;
  const start = async () => {
    for (const event of events) element.removeEventListener(event, start);
    const hydrate = await load();
    await hydrate();
  };
  for (const event of events) element.addEventListener(event, start, { once: true });
};

export default interaction;
