import type { ClientDirective } from 'astro';

/**
 * `client:interaction`: hydrates an island on the reader's first interaction with it (focus,
 * pointer, key), so a page that only shows a search box downloads no JavaScript until someone
 * starts to search. Until then the server-rendered HTML is what the reader sees. A page whose query
 * string fills one of the island's fields hydrates it at once.
 */
const interaction: ClientDirective = (load, _options, element) => {
  const events = ['focusin', 'pointerdown', 'keydown'] as const;
  const start = async () => {
    for (const event of events) element.removeEventListener(event, start);
    const hydrate = await load();
    await hydrate();
  };
  // A page opened with words for one of the island's fields (`cerca/?q=…`, sent by the plain search
  // form of the not-found page): the reader has asked already, so the island starts at once with them.
  const asked = new URLSearchParams(location.search);
  let filled = false;
  for (const field of element.querySelectorAll<HTMLInputElement>('input[name]')) {
    const value = asked.get(field.name);
    if (value && field.type !== 'checkbox' && field.type !== 'hidden') {
      field.value = value;
      filled = true;
    }
  }
  if (filled) void start();
  else for (const event of events) element.addEventListener(event, start, { once: true });
};

export default interaction;
