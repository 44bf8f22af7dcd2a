/** The few pages the hub server (and nginx) answer themselves, outside any hub. */

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const page = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>${head}</head><body><main>${body}</main></body></html>`;

/** A draft preview not built yet: it reloads itself (no apostrophes, so nginx can return it inline). */
export const previewWaitingPage = () =>
  page(
    'Anteprima in preparazione',
    '<h1>Anteprima in preparazione…</h1><p role="status">Il sito con la bozza è in costruzione: questa pagina si aggiorna da sola tra pochi secondi.</p><p>Se non si apre entro un minuto, chiudi e riapri l&#39;anteprima dal CMS.</p>',
    '<meta http-equiv="refresh" content="2">',
  );

/** A draft preview whose build failed, and why (an invalid draft names its fields). */
export const previewFailedPage = (error: string) =>
  page(
    'Anteprima non riuscita',
    `<h1>Anteprima non riuscita</h1><p>La bozza non si può ancora mostrare sul sito. Correggi quanto indicato, salva e riapri l&#39;anteprima.</p><pre style="white-space:pre-wrap">${escapeHtml(error)}</pre>`,
  );

/**
 * A withdrawn hub's page (served with 410 at every one of its addresses): the site is closed, and
 * the network's other hubs are where to go.
 */
export const hubWithdrawnPage = (name: string, others: Array<{ slug: string; name: string }>) =>
  page(
    `${name}: sito non più attivo`,
    `<h1>Questo sito non è più attivo</h1><p>Il sito «${escapeHtml(name)}» della rete Informagiovani è stato ritirato: i suoi contenuti non sono più pubblicati.</p>${
      others.length
        ? `<p>Trovi opportunità, eventi e orientamento sui siti della rete:</p><ul>${others
            .map((hub) => `<li><a href="/${escapeHtml(hub.slug)}/">${escapeHtml(hub.name)}</a></li>`)
            .join('')}</ul>`
        : ''
    }<p lang="en">This site is no longer active: see the network’s other sites above.</p>`,
    '<meta name="robots" content="noindex">',
  );
