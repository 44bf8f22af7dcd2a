import {
  bookingFormText,
  bookingPaths,
  BOOKING_MODES,
  BOOKING_SERVICES,
  formatDay,
  formatSlot,
  modeLabel,
  serviceLabel,
  type BookingField,
  type BookingMode,
  type BookingService,
  type Slot,
  type SubmissionLang,
} from '@sito/shared';
import { escape, formEnd, formStart, htmlPage, problemHelpers } from '../submissions/form-page';

/**
 * The pages the CMS answers «Prenota» with when it was sent without JavaScript: the slots of the
 * chosen contact point to pick from, with the rest of the form filled in (and any problem next to
 * its field), to confirm; and the page behind the link in the booking's mail, to cancel it.
 * Plain HTML, no script (see ../submissions/form-page.ts).
 */
export interface BookingPage {
  lang: SubmissionLang;
  hub: { slug: string; name: string; primaryColor?: string | null };
  points: Array<{ name: string; slots: Slot[] }>;
  values: {
    point?: string | undefined;
    service?: string | undefined;
    mode?: string | undefined;
    slot?: string | undefined;
    name?: string | undefined;
    email?: string | undefined;
    note?: string | undefined;
    consent?: boolean;
  };
  problems: Partial<Record<BookingField, string>>;
  notice?: string | undefined;
  pass?: string | undefined;
  done: string;
}

const radio = (name: string, id: string, value: string, label: string, checked: boolean, extra = '') =>
  `<p class="choice"><input type="radio" id="${id}" name="${name}" value="${escape(value)}"${checked ? ' checked' : ''}${extra}><label for="${id}">${escape(label)}</label></p>`;

export function bookingFormPage(page: BookingPage): { html: string; policy: string } {
  const text = bookingFormText(page.lang);
  const paths = bookingPaths(page.hub.slug, page.lang);
  const { values, problems } = page;
  const { error, described, summary } = problemHelpers(problems, text.errors, 'name');
  // A group of radio buttons points to its problem; aria-invalid belongs on the inputs, not on a fieldset.
  const group = (field: BookingField, hint?: string) => described(field, hint).replace(' aria-invalid="true"', '');
  const point = page.points.find((candidate) => candidate.name === values.point) ?? page.points[0];
  const days = new Map<string, Slot[]>();
  for (const slot of point?.slots ?? []) days.set(slot.date, [...(days.get(slot.date) ?? []), slot]);
  const slotChoices = days.size
    ? [...days]
        .map(
          ([date, slots]) =>
            `<fieldset><legend>${escape(formatDay(date, page.lang))}</legend>${slots
              .map((slot) =>
                radio(
                  'slot',
                  `slot-${slot.startsAt.replace(/[^0-9]/g, '')}`,
                  slot.startsAt,
                  slot.time,
                  values.slot === slot.startsAt,
                ),
              )
              .join('')}</fieldset>`,
        )
        .join('')
    : `<p class="notice">${escape(text.noSlots)}</p>`;
  const title = text.confirmTitle;
  return htmlPage(
    page.lang,
    page.hub,
    title,
    `<p><a href="${escape(paths.form)}">${escape(text.title)}</a></p>
<h1>${escape(title)}</h1>
${summary ?? `<p class="notice"${page.notice ? ' role="alert"' : ''}>${escape(page.notice ?? text.confirmIntro)}</p>`}
${formStart('bookings', page)}
<label for="point">${escape(text.point)}</label>
${error('point')}
<select id="point" name="point"${described('point')}>${page.points
      .map(
        (candidate) =>
          `<option value="${escape(candidate.name)}"${candidate === point ? ' selected' : ''}>${escape(candidate.name)}</option>`,
      )
      .join('')}</select>
<fieldset id="service"${group('service')}><legend>${escape(text.service)}</legend>${error('service')}${BOOKING_SERVICES.map(
      (service: BookingService) =>
        radio('service', `service-${service}`, service, serviceLabel(page.lang, service), values.service === service),
    ).join('')}</fieldset>
<fieldset id="mode"${group('mode')}><legend>${escape(text.mode)}</legend>${error('mode')}${BOOKING_MODES.map(
      (mode: BookingMode) => radio('mode', `mode-${mode}`, mode, modeLabel(page.lang, mode), values.mode === mode),
    ).join('')}</fieldset>
<fieldset id="slot"${group('slot', text.slotHint)}><legend>${escape(text.slot)}</legend>
<p class="hint" id="slot-hint">${escape(text.slotHint)}</p>
${error('slot')}
${slotChoices}</fieldset>
<label for="name">${escape(text.name)}</label>
${error('name')}
<input id="name" name="name" autocomplete="name" value="${escape(values.name ?? '')}" required${described('name')}>
<label for="email">${escape(text.email)}</label>
<p class="hint" id="email-hint">${escape(text.emailHint)}</p>
${error('email')}
<input id="email" name="email" type="email" autocomplete="email" value="${escape(values.email ?? '')}" required${described('email', text.emailHint)}>
<label for="note">${escape(text.note)}</label>
<p class="hint" id="note-hint">${escape(text.noteHint)}</p>
${error('note')}
<textarea id="note" name="note" rows="3"${described('note', text.noteHint)}>${escape(values.note ?? '')}</textarea>
${formEnd(text, values.consent, paths.privacy, { error, described }, text.confirm)}
</form>`,
  );
}

export interface CancelPage {
  lang: SubmissionLang;
  hub: { slug: string; name: string; primaryColor?: string | null };
  state: 'ask' | 'cancelled' | 'bad-link';
  booking?: { startsAt: string; contactPoint: string; service: BookingService; mode: BookingMode };
  /** The booking and its signature, sent back by the button. */
  link?: { booking: string; token: string };
}

/** «Annulla l'appuntamento»: what is booked and a button (a link alone never cancels: mail scanners follow links). */
export function cancelPage(page: CancelPage): { html: string; policy: string } {
  const text = bookingFormText(page.lang);
  const paths = bookingPaths(page.hub.slug, page.lang);
  const title = page.state === 'cancelled' ? text.cancelledTitle : text.cancelTitle;
  const details = page.booking
    ? `<dl><dt>${escape(text.slot)}</dt><dd>${escape(formatSlot(page.booking.startsAt, page.lang))}</dd>
<dt>${escape(text.point)}</dt><dd>${escape(page.booking.contactPoint)}</dd>
<dt>${escape(text.service)}</dt><dd>${escape(serviceLabel(page.lang, page.booking.service))}</dd>
<dt>${escape(text.mode)}</dt><dd>${escape(modeLabel(page.lang, page.booking.mode))}</dd></dl>`
    : '';
  const body =
    page.state === 'bad-link'
      ? `<p class="notice">${escape(text.badLink)}</p>`
      : page.state === 'cancelled'
        ? `<p class="notice" role="status">${escape(text.cancelled)}</p>${details}`
        : `<p>${escape(text.cancelIntro)}</p>${details}
<form method="post" action="/api/sito/submissions/bookings/cancel">
<input type="hidden" name="booking" value="${escape(page.link!.booking)}">
<input type="hidden" name="token" value="${escape(page.link!.token)}">
<input type="hidden" name="lang" value="${page.lang}">
<button type="submit">${escape(text.cancelButton)}</button>
</form>`;
  return htmlPage(
    page.lang,
    page.hub,
    title,
    `<h1>${escape(title)}</h1>
${body}
${page.hub.slug ? `<p><a href="${escape(paths.form)}">${escape(text.bookAgain)}</a></p>` : ''}`,
  );
}
