import { useEffect, useRef, useState, type SVGProps } from 'react';
import { useLocation } from 'react-router-dom';
import { useFetchClient } from '@strapi/strapi/admin';
import { Mail } from '@strapi/icons';
import { useMessages } from '../messages';

/** How often the count is asked again while the admin stays open on one page. */
const REFRESH_MS = 60_000;

/**
 * The «In arrivo» menu icon with what waits for the user (questions, bookings and offers of their
 * territories, as `GET /sito/inbox` counts them) as a badge. Strapi's menu links take a static
 * count only, so the icon itself asks: when the admin opens, at every change of page (an answer
 * published elsewhere shows at once) and every minute.
 */
export function InboxMenuIcon(props: SVGProps<SVGSVGElement>) {
  const { get } = useFetchClient();
  const { pathname } = useLocation();
  const { t } = useMessages();
  const [waiting, setWaiting] = useState(0);
  const badge = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    let current = true;
    const load = () =>
      get<{ data: { counts: Record<string, number> } }>('/sito/inbox')
        .then((response) => {
          if (current) setWaiting(Object.values(response.data.data.counts).reduce((sum, count) => sum + count, 0));
        })
        .catch(() => undefined);
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [get, pathname]);

  // The link's name is the menu label Strapi gives it; screen readers get the count in it too, so
  // the name holds what is shown (WCAG 2.5.3), in the user's language as Strapi's label is. React
  // leaves the attribute alone: its prop never changes.
  useEffect(() => {
    const link = badge.current?.closest('a');
    if (link)
      link.setAttribute(
        'aria-label',
        waiting > 0 ? t('sito.inbox.menu.waiting', { count: waiting }) : t('sito.inbox.menu'),
      );
  }, [waiting, t]);

  return (
    <span ref={badge} style={{ position: 'relative', display: 'inline-flex' }}>
      <Mail {...props} />
      {waiting > 0 && (
        <span
          data-inbox-count={waiting}
          style={{
            position: 'absolute',
            top: '-0.6rem',
            right: '-1rem',
            minWidth: '1.6rem',
            padding: '0 0.4rem',
            borderRadius: '0.8rem',
            background: '#271FE0',
            color: '#FFFFFF',
            fontSize: '1.1rem',
            fontWeight: 600,
            lineHeight: '1.6rem',
            textAlign: 'center',
          }}
        >
          {waiting > 99 ? '99+' : waiting}
        </span>
      )}
    </span>
  );
}
