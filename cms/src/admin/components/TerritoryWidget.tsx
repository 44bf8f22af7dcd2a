import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useFetchClient, Widget } from '@strapi/strapi/admin';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useMessages } from '../messages';

/**
 * The home page's «Il tuo territorio»: for each of the user's territories (an operator's own; the
 * regional editors' every one) what closes this week, what is to verify, what waits for an answer,
 * and when its hub last went live — the same figures as «Monitoraggio» (`GET /sito/monitoring`,
 * scoped as entries are), each linked to the page where the work is done.
 */
interface Row {
  territory: string;
  name: string;
  closingIn7Days: number;
  stale: number;
  toReview: number;
  waitingQuestions: number;
  waitingBookings: number;
  waitingOffers: number;
  lastLiveAt: string | null;
}

function Figure(props: { label: string; value: string | number; to: string; name: string }) {
  return (
    <Flex justifyContent="space-between" gap={2} tag="li" data-figure={props.name}>
      <Link to={props.to}>
        <Typography textColor="primary700">{props.label}</Typography>
      </Link>
      <Typography fontWeight="bold">{props.value}</Typography>
    </Flex>
  );
}

export function TerritoryWidget() {
  const { get } = useFetchClient();
  const { t, date } = useMessages();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    get<{ data: { territories: Row[] } }>('/sito/monitoring')
      .then((response) => setRows(response.data.data.territories))
      .catch(() => setFailed(true));
  }, [get]);

  if (failed) return <Widget.Error>{t('sito.widget.territory.error')}</Widget.Error>;
  if (!rows) return <Widget.Loading>{t('sito.widget.territory.loading')}</Widget.Loading>;
  if (rows.length === 0) return <Widget.NoData>{t('sito.widget.territory.none')}</Widget.NoData>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {rows.map((row) => (
        <Box key={row.territory} data-territory={row.territory}>
          {rows.length > 1 && (
            <Typography variant="omega" fontWeight="bold" tag="h3">
              {row.name}
            </Typography>
          )}
          <Flex direction="column" alignItems="stretch" gap={1} tag="ul">
            <Figure
              name="closing"
              label={t('sito.widget.territory.closing')}
              value={row.closingIn7Days}
              to="/da-verificare"
            />
            <Figure
              name="to-verify"
              label={t('sito.widget.territory.toVerify')}
              value={row.stale + row.toReview}
              to="/da-verificare"
            />
            <Figure
              name="waiting"
              label={t('sito.widget.territory.waiting')}
              value={row.waitingQuestions + row.waitingBookings + row.waitingOffers}
              to="/in-arrivo"
            />
            <Figure
              name="live"
              label={t('sito.widget.territory.liveSince')}
              value={
                row.lastLiveAt
                  ? date(row.lastLiveAt, { dateStyle: 'medium', timeStyle: 'short' })
                  : t('sito.widget.territory.notYet')
              }
              to="/pubblicazione"
            />
          </Flex>
        </Box>
      ))}
      <Typography variant="pi">
        {/* Served by the CMS (cms/src/guide/routes.ts): the operators' guide, with its screenshots. */}
        <a href={`${backendURL()}/sito/guida`} target="_blank" rel="noreferrer">
          {t('sito.widget.territory.guide')}
        </a>
      </Typography>
    </Flex>
  );
}

export default TerritoryWidget;

/** Where the CMS answers: the admin sets `window.strapi.backendURL` at start, though its type does not say so. */
const backendURL = () => (window.strapi as unknown as { backendURL?: string }).backendURL ?? '';
