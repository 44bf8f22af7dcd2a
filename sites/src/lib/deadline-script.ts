/**
 * The script of components/DeadlineScript.astro, inline on every page with a deadline. Its text is
 * the same on every page and in every language (the words come from the element's `data-labels`),
 * so the Content-Security-Policy allows it by its hash (scripts/lib/publishing/security-headers.ts)
 * instead of allowing every inline script.
 */
export const DEADLINE_SCRIPT = `(function () {
  var labels = JSON.parse(document.currentScript.getAttribute('data-labels'));
  var today = Date.parse(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date()));
  document.querySelectorAll('[data-deadline]').forEach(function (el) {
    var days = Math.round((Date.parse(el.getAttribute('data-deadline')) - today) / 864e5);
    var label = el.querySelector('.deadline__label');
    if (days < 0) {
      el.className = 'deadline deadline--closed';
      if (label) label.textContent = labels.closed;
      var card = el.closest('[data-expires]');
      if (card) card.hidden = true;
      document.querySelectorAll('[data-closed-notice]').forEach(function (n) {
        n.hidden = false;
      });
    } else if (label) {
      label.textContent =
        days === 0 ? labels.today : days === 1 ? labels.tomorrow : labels.inDays.replace('{n}', days);
      if (days <= 7) el.className = 'deadline deadline--soon';
    }
  });
  document.querySelectorAll('[data-open-count]').forEach(function (el) {
    var closing = JSON.parse(el.getAttribute('data-closing') || '{}');
    if (today > Date.parse(el.getAttribute('data-known-until'))) {
      el.hidden = true;
      return;
    }
    var n = Number(el.getAttribute('data-open-count'));
    Object.keys(closing).forEach(function (day) {
      if (Date.parse(day) < today) n -= closing[day];
    });
    el.textContent = n === 1 ? labels.openOne : labels.openMany.replace('{n}', n);
  });
})();`;
