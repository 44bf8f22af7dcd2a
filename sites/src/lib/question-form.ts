import { sendForm } from './form-sender';

/** «Fai una domanda» (components/QuestionForm.astro): an area page links here with ?area=<slug>, chosen. */
export function sendQuestion(form: HTMLFormElement): void {
  const area = new URLSearchParams(location.search).get('area');
  const select = form.querySelector<HTMLSelectElement>('select[name=area]');
  if (area && select && [...select.options].some((option) => option.value === area)) select.value = area;
  sendForm(form, { trapTarget: 'question' });
}
