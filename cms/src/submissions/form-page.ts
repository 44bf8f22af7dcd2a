import { createHash } from 'node:crypto';
import { questionFormText, type SubmissionField, type SubmissionLang } from '@sito/shared';

/**
 * The pages the CMS answers a «Fai una domanda» form with when it was sent without JavaScript (a
 * plain HTML post, through the hub's own address): the form again, filled in, with each problem
 * next to its field and a summary announced first; or the page to check and confirm it. Plain
 * HTML, one small stylesheet allowed by its hash, no script.
 */
export interface FormPage {
  lang: SubmissionLang;
  hub: { slug: string; name: string; primaryColor?: string | null };
  areas: Array<{ slug: string; name: string }>;
  values: { question?: string; area?: string; age?: string; email?: string; consent?: boolean };
  problems: Partial<Record<SubmissionField, string>>;
  /** A notice above the form (the confirmation came too soon, or too late). */
  notice?: string | undefined;
  /** Only on the page to confirm: a form with problems is not confirmed, it is sent again. */
  pass?: string | undefined;
  done: string;
}

export const escape = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const style = (
  colour: string,
) => `body{font:1.0625rem/1.5 "Titillium Web",system-ui,Arial,sans-serif;color:#1a1a1a;margin:0;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;line-height:1.2}
label,legend{display:block;font-weight:600;margin-top:1.25rem}
input,select,textarea{font:inherit;width:100%;box-sizing:border-box;padding:.5rem;border:2px solid #5c6f82;border-radius:4px}
input[type=checkbox]{width:auto;margin-right:.5rem}
.consent{display:flex;align-items:center;margin-top:1.25rem}
.consent label{margin:0}
.hint{color:#455b71;margin:.25rem 0}
.error{color:#a61919;font-weight:600;margin:.25rem 0}
[aria-invalid=true]{border-color:#a61919}
.summary{border:3px solid #a61919;padding:.5rem 1rem;margin:1rem 0}
.notice{border-left:6px solid #0066cc;padding:.5rem 1rem;background:#f0f6fc}
.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
button{font:inherit;font-weight:600;margin-top:1.5rem;padding:.75rem 1.5rem;border:0;border-radius:4px;background:${colour};color:#fff}
a{color:#0059b3}
.hub{background:${colour};color:#fff;font-weight:600;margin:0;padding:.75rem 1rem}
fieldset{border:0;margin:1.25rem 0 0;padding:0}
.choice{display:flex;align-items:center;gap:.5rem;margin:.25rem 0}
.choice input{width:auto}
.choice label{margin:0;font-weight:400}
h2{font-size:1.125rem;margin:1rem 0 .25rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}
dt{font-weight:600}dd{margin:0}`;
/** The page's Content-Security-Policy: nothing runs, the one stylesheet is allowed by its hash. */
export const policyFor = (css: string) =>
  [
    "default-src 'none'",
    `style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'`,
    "img-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/**
 * A page of the CMS shown in place of a hub's page: the hub's name on its colour, then `main`. With
 * the Content-Security-Policy to send with it.
 */
export function htmlPage(
  lang: SubmissionLang,
  hub: { name: string; primaryColor?: string | null },
  title: string,
  main: string,
): { html: string; policy: string } {
  // The territory's colour, as its hub shows it (checked for contrast when the hub is built).
  const colour = /^#[0-9a-f]{6}$/i.test(hub.primaryColor ?? '') ? hub.primaryColor! : '#0066cc';
  const css = style(colour);
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)} · ${escape(hub.name)}</title>
<style>${css}</style>
</head>
<body>
<p class="hub">${escape(hub.name)}</p>
<main>
${main}
</main>
</body>
</html>`;
  return { html, policy: policyFor(css) };
}

/**
 * Each problem next to its field (`error`), the field pointing to its hint and its problem
 * (`described`), and a summary announced first, each problem a link to its field (the honeypot's
 * to `trapTarget`); no summary without problems.
 */
export function problemHelpers<Field extends string>(
  problems: Partial<Record<Field, string>>,
  intro: string,
  trapTarget: string,
) {
  const error = (field: Field) =>
    problems[field] ? `<p class="error" id="${field}-error">${escape(problems[field])}</p>` : '';
  const described = (field: Field, hint?: string) => {
    const ids = [hint && `${field}-hint`, problems[field] && `${field}-error`].filter(Boolean).join(' ');
    return `${ids ? ` aria-describedby="${ids}"` : ''}${problems[field] ? ' aria-invalid="true"' : ''}`;
  };
  const entries = Object.entries(problems) as Array<[string, string]>;
  const summary = entries.length
    ? `<div class="summary" role="alert" tabindex="-1"><p>${escape(intro)}</p><ul>${entries
        .map(
          ([field, message]) =>
            `<li><a href="#${field === 'website' ? trapTarget : field}">${escape(message)}</a></li>`,
        )
        .join('')}</ul></div>`
    : null;
  return { error, described, summary };
}

/** The start of every form page: the form, posting to `endpoint`, with the hub, language, page to go to and pass. */
export function formStart(
  endpoint: 'questions' | 'bookings' | 'offers',
  page: { hub: { slug: string }; lang: SubmissionLang; done: string; pass?: string | undefined },
): string {
  return `<form method="post" action="/api/sito/submissions/${endpoint}" novalidate>
<input type="hidden" name="hub" value="${escape(page.hub.slug)}">
<input type="hidden" name="lang" value="${page.lang}">
<input type="hidden" name="done" value="${escape(page.done)}">
${page.pass ? `<input type="hidden" name="pass" value="${escape(page.pass)}">` : ''}`;
}

/** The end of every form page: the consent with its notice, the honeypot, the button. */
export function formEnd(
  text: { consent: string; privacy: string; website: string },
  consent: boolean | undefined,
  privacy: string,
  helpers: Pick<ReturnType<typeof problemHelpers<'consent'>>, 'error' | 'described'>,
  button: string,
): string {
  return `${helpers.error('consent')}
<p class="consent"><input id="consent" name="consent" type="checkbox"${consent ? ' checked' : ''} required${helpers.described('consent')}><label for="consent">${escape(text.consent)}</label></p>
<p><a href="${escape(privacy)}">${escape(text.privacy)}</a></p>
<div class="trap" aria-hidden="true"><label for="website">${escape(text.website)}</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">${escape(button)}</button>`;
}

/** The page, and the Content-Security-Policy to send with it. */
export function formPage(page: FormPage): { html: string; policy: string } {
  const text = questionFormText(page.lang);
  const { values, problems } = page;
  const base = `/${page.hub.slug}/`;
  const expertPage = page.lang === 'en' ? `${base}en/` : `${base}esperto-risponde/`;
  const privacy = page.lang === 'en' ? `${base}en/privacy/` : `${base}privacy/`;
  const failed = Object.keys(problems).length > 0;
  const title = failed ? text.title : text.confirmTitle;
  const { error, described, summary: problemSummary } = problemHelpers(problems, text.errors, 'question');
  const summary =
    problemSummary ??
    `<p class="notice"${page.notice ? ' role="alert"' : ''}>${escape(page.notice ?? text.confirmIntro)}</p>`;
  const areaOptions = [`<option value="">${escape(text.anyArea)}</option>`]
    .concat(
      page.areas.map(
        (area) =>
          `<option value="${escape(area.slug)}"${values.area === area.slug ? ' selected' : ''}>${escape(area.name)}</option>`,
      ),
    )
    .join('');
  return htmlPage(
    page.lang,
    page.hub,
    title,
    `<p><a href="${escape(expertPage)}">${escape(text.back)}</a></p>
<h1>${escape(title)}</h1>
${summary}
${formStart('questions', page)}
<label for="question">${escape(text.question)}</label>
<p class="hint" id="question-hint">${escape(text.questionHint)}</p>
${error('question')}
<textarea id="question" name="question" rows="6" required${described('question', text.questionHint)}>${escape(values.question ?? '')}</textarea>
<label for="area">${escape(text.area)}</label>
${error('area')}
<select id="area" name="area"${described('area')}>${areaOptions}</select>
<label for="age">${escape(text.age)}</label>
<p class="hint" id="age-hint">${escape(text.ageHint)}</p>
${error('age')}
<input id="age" name="age" type="number" inputmode="numeric" min="14" max="99" value="${escape(values.age ?? '')}"${described('age', text.ageHint)}>
<label for="email">${escape(text.email)}</label>
<p class="hint" id="email-hint">${escape(text.emailHint)}</p>
${error('email')}
<input id="email" name="email" type="email" autocomplete="email" value="${escape(values.email ?? '')}"${described('email', text.emailHint)}>
${formEnd(text, values.consent, privacy, { error, described }, failed ? text.submit : text.confirm)}
</form>`,
  );
}
