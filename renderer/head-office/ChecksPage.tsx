import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { useApi } from '../use-api';
import { hq } from './hq-api';
import { useShopTime } from './shop-time';
import { useShops } from './use-shops';

/**
 * What the checks on arrival found in the shops' chains (a gap, a fork, a changed receipt, a
 * record whose content does not give its hash, a sale number used for another sale), with the
 * numbers involved; marked as looked into
 * once someone has, and kept in the list with who and when.
 */
export function ChecksPage() {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const shops = useShops();
  const [open, setOpen] = useState(true);
  const checks = useApi(() => hq.call('checks.list', { shopId: null, open }), [open]);
  const [busy, setBusy] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const flags = checks.value?.flags ?? [];

  async function acknowledge(id: number) {
    setBusy(id);
    setProblem(null);
    try {
      await hq.call('checks.acknowledge', { id });
      checks.reload();
    } catch (error) {
      setProblem(describeError(t, error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="hq-checks">
      <h1>{t('headOffice.checks.title')}</h1>
      <p>{t('headOffice.checks.intro')}</p>
      <label className="hq-new-shop__managed">
        <input
          type="checkbox"
          checked={!open}
          onChange={(event) => setOpen(!event.target.checked)}
        />
        {t('headOffice.checks.showAll')}
      </label>
      {checks.error !== null && <ProblemLine>{describeError(t, checks.error)}</ProblemLine>}
      {problem && <ProblemLine>{problem}</ProblemLine>}
      {checks.value && flags.length === 0 && (
        <p>{open ? t('headOffice.checks.noneOpen') : t('headOffice.checks.none')}</p>
      )}
      {flags.length > 0 && (
        <table className="hq-table">
          <caption className="visually-hidden">{t('headOffice.checks.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('headOffice.columns.shop')}</th>
              <th scope="col">{t('headOffice.checks.columns.found')}</th>
              <th scope="col">{t('headOffice.checks.columns.numbers')}</th>
              <th scope="col">{t('headOffice.checks.columns.flaggedAt')}</th>
              <th scope="col">{t('headOffice.checks.columns.state')}</th>
            </tr>
          </thead>
          <tbody>
            {flags.map((flag) => {
              const zone = shops.zoneOf(flag.shopId);
              return (
                <tr key={flag.id}>
                  <th scope="row">{flag.shopName}</th>
                  <td>
                    <span className="badge badge--failed">
                      {t(`headOffice.checks.kinds.${flag.kind}`)}
                    </span>
                    <span className="hq-table__detail">
                      {t(`headOffice.checks.chains.${flag.chain}`)} ·{' '}
                      {flag.tillId === '' ? t('headOffice.hubTill') : flag.tillId}
                    </span>
                  </td>
                  <td>
                    {flag.number === flag.lastNumber
                      ? t('headOffice.checks.number', { number: flag.number })
                      : t('headOffice.checks.numbers', {
                          first: flag.number,
                          last: flag.lastNumber,
                        })}
                    {flag.kind === 'sale_reused' && (
                      <span className="hq-table__detail">
                        {t('headOffice.checks.saleReused', {
                          held: shopTime(String(flag.details.heldSoldAt), zone),
                          arrived: shopTime(String(flag.details.arrivedSoldAt), zone),
                        })}
                      </span>
                    )}
                    {flag.kind === 'refund_repeated' && (
                      <span className="hq-table__detail">
                        {t('headOffice.checks.refundRepeated', {
                          sold: shopTime(String(flag.details.soldAt), zone),
                          refunded: shopTime(String(flag.details.refundedAt), zone),
                        })}
                      </span>
                    )}
                  </td>
                  <td>{shopTime(flag.flaggedAt, zone)}</td>
                  <td>
                    {flag.acknowledgedAt ? (
                      t('headOffice.checks.acknowledged', {
                        name: flag.acknowledgedBy ?? '',
                        at: shopTime(flag.acknowledgedAt, zone),
                      })
                    ) : (
                      <button
                        type="button"
                        disabled={busy !== null}
                        onClick={() => void acknowledge(flag.id)}
                      >
                        {t('headOffice.checks.acknowledge')}
                        <span className="visually-hidden">
                          {' '}
                          {flag.shopName} {flag.number}
                        </span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
