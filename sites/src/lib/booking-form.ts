import { sendForm } from './form-sender';

/**
 * The script of «Prenota» (components/BookingForm.astro): reads the free slots of the hub's offices
 * from the CMS and shows those of the chosen office, grouped by day, as radio buttons; then the
 * form is sent as JSON like the question form. If the slots cannot be read, the form is left as
 * plain HTML: the CMS answers it with the slots to choose from.
 */
interface Slot {
  startsAt: string;
  time: string;
  date: string;
  day: string;
}
type Points = Array<{ name: string; slots: Slot[] }>;

export function bookingForm(form: HTMLFormElement): void {
  const status = form.querySelector<HTMLElement>('[data-slot-status]')!;
  const list = form.querySelector<HTMLElement>('[data-slot-list]')!;
  const select = form.querySelector<HTMLSelectElement>('select[name=point]')!;
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  const hub = form.querySelector<HTMLInputElement>('input[name=hub]')!.value;
  const lang = form.querySelector<HTMLInputElement>('input[name=lang]')!.value;
  let points: Points | null = null;

  const render = () => {
    const slots = points?.find((point) => point.name === select.value)?.slots ?? [];
    const days = new Map<string, Slot[]>();
    for (const slot of slots) days.set(slot.date, [...(days.get(slot.date) ?? []), slot]);
    list.replaceChildren(
      ...[...days.values()].map((daySlots) => {
        const group = document.createElement('fieldset');
        group.className = 'slot-day';
        const legend = document.createElement('legend');
        legend.textContent = daySlots[0]!.day;
        const choices = document.createElement('div');
        choices.className = 'choices';
        for (const slot of daySlots) {
          const id = `slot-${slot.startsAt.replace(/[^0-9]/g, '')}`;
          const choice = document.createElement('p');
          choice.className = 'choice';
          const input = document.createElement('input');
          Object.assign(input, { type: 'radio', name: 'slot', id, value: slot.startsAt });
          const label = document.createElement('label');
          label.htmlFor = id;
          label.textContent = slot.time;
          choice.append(input, label);
          choices.append(choice);
        }
        group.append(legend, choices);
        return group;
      }),
    );
    status.textContent = slots.length ? '' : (form.dataset.noSlots ?? '');
    status.hidden = slots.length > 0;
  };

  status.textContent = form.dataset.loading ?? '';
  fetch(`/api/sito/submissions/slots?${new URLSearchParams({ hub, lang })}`, {
    headers: { Accept: 'application/json' },
  })
    .then((response) => (response.ok ? (response.json() as Promise<{ data: { points: Points } }>) : Promise.reject()))
    .then(({ data }) => {
      points = data.points;
      render();
      button.textContent = form.dataset.submit ?? button.textContent;
      select.addEventListener('change', render);
    })
    .catch(() => {
      // Left as plain HTML: the next page lists the slots.
      status.textContent = form.dataset.offline ?? '';
    });

  sendForm(form, { trapTarget: 'name', ready: () => points !== null });
}
