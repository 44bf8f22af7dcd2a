import {
  OFFER_KINDS,
  offerFormText,
  offerKindLabel,
  offerPaths,
  type OfferField,
  type SubmissionLang,
} from '@sito/shared';
import { escape, formEnd, formStart, htmlPage, problemHelpers } from '../submissions/form-page';

/**
 * The page the CMS answers «Pubblica un'offerta» with when it was sent without JavaScript: the form
 * again, filled in, with each problem next to its field; or, with none, to check and confirm (the
 * pass of ../submissions/pass.ts). Plain HTML, no script (see ../submissions/form-page.ts).
 */
export interface OfferPage {
  lang: SubmissionLang;
  hub: { slug: string; name: string; primaryColor?: string | null };
  values: Partial<Record<Exclude<OfferField, 'consent'>, string>> & { consent?: boolean };
  problems: Partial<Record<OfferField, string>>;
  notice?: string | undefined;
  pass?: string | undefined;
  done: string;
}

type TextKey = keyof ReturnType<typeof offerFormText>;

export function offerFormPage(page: OfferPage): { html: string; policy: string } {
  const text = offerFormText(page.lang);
  const paths = offerPaths(page.hub.slug, page.lang);
  const { values, problems } = page;
  const failed = Object.keys(problems).length > 0;
  const title = failed ? text.title : text.confirmTitle;
  const { error, described, summary } = problemHelpers(problems, text.errors, 'title');
  /** A labelled field with its hint and problem; a textarea when `rows` is given. */
  const field = (
    name: Exclude<OfferField, 'consent' | 'remote'>,
    label: TextKey,
    options: { hint?: TextKey; type?: string; rows?: number; extra?: string } = {},
  ) => {
    const hint = options.hint ? text[options.hint] : undefined;
    const value = escape(values[name] ?? '');
    const attributes = `id="${name}" name="${name}"${options.extra ?? ''}${described(name, hint)}`;
    return `<label for="${name}">${escape(text[label])}</label>
${hint ? `<p class="hint" id="${name}-hint">${escape(hint)}</p>\n` : ''}${error(name)}
${options.rows ? `<textarea ${attributes} rows="${options.rows}">${value}</textarea>` : `<input ${attributes} type="${options.type ?? 'text'}" value="${value}">`}`;
  };
  const kinds = OFFER_KINDS.map(
    (kind) =>
      `<option value="${kind}"${values.kind === kind ? ' selected' : ''}>${escape(offerKindLabel(page.lang, kind))}</option>`,
  ).join('');
  return htmlPage(
    page.lang,
    page.hub,
    title,
    `<p><a href="${escape(paths.form)}">${escape(text.title)}</a></p>
<h1>${escape(title)}</h1>
${summary ?? `<p class="notice"${page.notice ? ' role="alert"' : ''}>${escape(page.notice ?? text.confirmIntro)}</p>`}
${formStart('offers', { ...page, pass: failed ? undefined : page.pass })}
<h2>${escape(text.offer)}</h2>
<label for="kind">${escape(text.kind)}</label>
${error('kind')}
<select id="kind" name="kind"${described('kind')}>${kinds}</select>
${field('title', 'titleLabel', { hint: 'titleHint', extra: ' required' })}
${field('summary', 'summary', { hint: 'summaryHint', rows: 3, extra: ' required' })}
${field('description', 'description', { hint: 'descriptionHint', rows: 6 })}
${field('municipality', 'municipality')}
${error('remote')}
<p class="consent"><input id="remote" name="remote" type="checkbox"${values.remote === 'on' || values.remote === 'true' ? ' checked' : ''}${described('remote')}><label for="remote">${escape(text.remote)}</label></p>
${field('deadline', 'deadline', { type: 'date' })}
<p class="hint" id="apply-hint">${escape(text.applyHint)}</p>
${field('applyUrl', 'applyUrl', { type: 'url' })}
${field('applyEmail', 'applyEmail', { type: 'email' })}
<h2>${escape(text.who)}</h2>
${field('organisation', 'organisation', { extra: ' required autocomplete="organization"' })}
${field('vatNumber', 'vatNumber', { hint: 'vatHint', extra: ' required inputmode="numeric"' })}
${field('contactName', 'contactName', { extra: ' required autocomplete="name"' })}
${field('contactEmail', 'contactEmail', { hint: 'contactHint', type: 'email', extra: ' required autocomplete="email"' })}
${formEnd(text, values.consent, paths.privacy, { error, described }, failed ? text.submit : text.confirm)}
</form>`,
  );
}
