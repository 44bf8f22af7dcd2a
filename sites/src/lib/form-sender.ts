import type { AltchaWidgetElement } from 'altcha/types/generic';

/**
 * The script of the hubs' forms («Fai una domanda», components/QuestionForm.astro; «Prenota»,
 * components/BookingForm.astro): sends the form as JSON once the proof of work is solved, shows
 * each problem the CMS names next to its field (and a summary, announced), and goes to the
 * confirmation page. Without it the forms still work, as plain HTML.
 */
type Answer = { data?: unknown; error?: { message?: string; details?: { fields?: Record<string, string> } } };

/**
 * The solved proof of work: the widget's, if it is done; the one it is working on (it starts when
 * the reader first focuses the form); or a new one.
 */
async function proofOf(widget: AltchaWidgetElement | null, form: HTMLFormElement): Promise<string | undefined> {
  if (!widget) return undefined;
  const state = widget.getState();
  if (state === 'verified') return form.querySelector<HTMLInputElement>('input[name=altcha]')?.value;
  if (state === 'verifying')
    return new Promise((resolve) => {
      const settle = (event: Event) => {
        const { state: now, payload } = (event as CustomEvent<{ state: string; payload?: string }>).detail;
        if (now === 'verifying') return;
        widget.removeEventListener('statechange', settle);
        resolve(now === 'verified' ? payload : undefined);
      };
      widget.addEventListener('statechange', settle);
    });
  return (await widget.verify())?.payload;
}

export interface FormOptions {
  /** The field a problem with the hidden honeypot is shown at. */
  trapTarget: string;
  /** When false the form is left to the browser, posted as plain HTML (e.g. no slots could be read). */
  ready?: () => boolean;
}

export function sendForm(form: HTMLFormElement, options: FormOptions): void {
  const summary = form.querySelector<HTMLElement>('[data-summary]')!;
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  const widget = form.querySelector<AltchaWidgetElement>('altcha-widget');

  const clear = () => {
    summary.hidden = true;
    summary.replaceChildren();
    for (const error of form.querySelectorAll<HTMLElement>('.field-error')) {
      error.hidden = true;
      error.textContent = '';
      const field = form.querySelector<HTMLElement>(`#${error.id.replace(/-error$/, '')}`);
      if (field) {
        field.removeAttribute('aria-invalid');
        const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== error.id);
        if (ids.length) field.setAttribute('aria-describedby', ids.join(' '));
        else field.removeAttribute('aria-describedby');
      }
    }
  };

  const show = (fields: Record<string, string>, message: string) => {
    const intro = document.createElement('p');
    intro.textContent = Object.keys(fields).length ? (form.dataset.errors ?? '') : message;
    const list = document.createElement('ul');
    for (const [name, text] of Object.entries(fields)) {
      const target = name === 'website' ? options.trapTarget : name;
      const error = form.querySelector<HTMLElement>(`#${target}-error`);
      if (error) {
        error.textContent = text;
        error.hidden = false;
      }
      // A group of radio buttons (a fieldset) points to its problem; aria-invalid belongs on fields.
      const field = form.querySelector<HTMLElement>(`#${target}`);
      if (field && error) {
        if (field.tagName !== 'FIELDSET') field.setAttribute('aria-invalid', 'true');
        field.setAttribute(
          'aria-describedby',
          [field.getAttribute('aria-describedby'), error.id].filter(Boolean).join(' '),
        );
      }
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `#${target}`;
      link.textContent = text;
      item.append(link);
      list.append(item);
    }
    summary.replaceChildren(intro, ...(list.childElementCount ? [list] : []));
    summary.hidden = false;
    summary.focus();
  };

  form.addEventListener(
    'submit',
    async (event) => {
      if (options.ready && !options.ready()) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const label = button.textContent ?? '';
      clear();
      button.disabled = true;
      button.textContent = form.dataset.sending ?? label;
      try {
        const data = Object.fromEntries(new FormData(form)) as Record<string, unknown>;
        data.altcha = await proofOf(widget, form);
        data.consent = form.querySelector<HTMLInputElement>('input[name=consent]')?.checked === true;
        const response = await fetch(form.action, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(data),
        });
        if (response.ok) {
          location.assign(String(data.done));
          return;
        }
        const answer = (await response.json().catch(() => ({}))) as Answer;
        show(answer.error?.details?.fields ?? {}, answer.error?.message ?? response.statusText);
        // A proof is good once: the next try solves a new one.
        widget?.reset();
      } catch {
        show({}, form.dataset.offline ?? '');
        widget?.reset();
      } finally {
        button.disabled = false;
        button.textContent = label;
      }
    },
    { capture: true },
  );
}
