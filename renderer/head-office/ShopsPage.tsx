import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { EnrolmentCode } from './EnrolmentCode';
import { hq } from './hq-api';
import { NewShopForm } from './NewShopForm';
import { useShopTime } from './shop-time';
import { type ShopSummary, useShops } from './use-shops';

interface ShownCode {
  shopName: string;
  code: string;
  expiresAt: string;
}

/**
 * The chain's shops and how each one's sync goes: enrolled or not, when its last batch came and
 * what it still had waiting then, the catalog version it runs, the checks not yet looked into.
 * A shop is added here, and gets its enrolment code (shown once; a new one voids the old).
 */
export function ShopsPage() {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const shops = useShops();
  const [shown, setShown] = useState<ShownCode | null>(null);
  const [renewing, setRenewing] = useState<ShopSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function renew(shop: ShopSummary) {
    setBusy(true);
    setProblem(null);
    try {
      const code = await hq.call('shops.renewCode', { shopId: shop.id });
      setShown({ shopName: shop.name, ...code });
    } catch (error) {
      setProblem(describeError(t, error));
    } finally {
      setBusy(false);
      setRenewing(null);
    }
  }

  const when = (instant: string | null, shop: ShopSummary, none: string) =>
    instant === null ? none : shopTime(instant, shop.zone);

  return (
    <section className="hq-shops">
      <h1>{t('headOffice.shops.title')}</h1>
      <p>{t('headOffice.shops.intro')}</p>
      {shops.error !== null && <ProblemLine>{describeError(t, shops.error)}</ProblemLine>}
      {shown && <EnrolmentCode {...shown} />}
      {problem && <ProblemLine>{problem}</ProblemLine>}
      {shops.value && shops.list.length === 0 && <p>{t('headOffice.shops.none')}</p>}
      {shops.list.length > 0 && (
        <table className="hq-table">
          <caption className="visually-hidden">{t('headOffice.shops.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('headOffice.shops.columns.shop')}</th>
              <th scope="col">{t('headOffice.shops.columns.enrolled')}</th>
              <th scope="col">{t('headOffice.shops.columns.lastBatch')}</th>
              <th scope="col" className="hq-table__number">
                {t('headOffice.shops.columns.backlog')}
              </th>
              <th scope="col" className="hq-table__number">
                {t('headOffice.shops.columns.facts')}
              </th>
              <th scope="col" className="hq-table__number">
                {t('headOffice.shops.columns.catalog')}
              </th>
              <th scope="col" className="hq-table__number">
                {t('headOffice.shops.columns.checks')}
              </th>
              <th scope="col">{t('headOffice.shops.columns.code')}</th>
            </tr>
          </thead>
          <tbody>
            {shops.list.map((shop) => (
              <tr key={shop.id}>
                <th scope="row">
                  {shop.name}
                  <span className="hq-table__detail">
                    {shop.zone} · {shop.currency}
                    {shop.managed && ` · ${t('headOffice.shops.managed')}`}
                  </span>
                </th>
                <td>{when(shop.enrolledAt, shop, t('headOffice.shops.notEnrolled'))}</td>
                <td>{when(shop.lastBatchAt, shop, t('headOffice.shops.never'))}</td>
                <td className="hq-table__number">{shop.backlog}</td>
                <td className="hq-table__number">{shop.factsStored}</td>
                <td className="hq-table__number">
                  {shop.catalogVersion}
                  {shop.catalogVersion < (shops.value?.catalogVersion ?? 0) && (
                    <span className="hq-table__detail">
                      {t('headOffice.shops.catalogBehind', {
                        version: shops.value?.catalogVersion,
                      })}
                    </span>
                  )}
                </td>
                <td className="hq-table__number">
                  {shop.openFlags > 0 ? (
                    <a className="badge badge--failed" href="#checks">
                      {shop.openFlags}
                    </a>
                  ) : (
                    0
                  )}
                </td>
                <td>
                  <button type="button" disabled={busy} onClick={() => setRenewing(shop)}>
                    {t('headOffice.shops.renew.button')}
                    <span className="visually-hidden"> {shop.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewShopForm
        onCreated={({ shop, enrolment }) => {
          setShown({ shopName: shop.name, ...enrolment });
          shops.reload();
        }}
      />
      {renewing && (
        <ConfirmDialog
          title={t('headOffice.shops.renew.title', { name: renewing.name })}
          question={t('headOffice.shops.renew.question')}
          confirm={t('headOffice.shops.renew.confirm')}
          busy={busy}
          onConfirm={() => void renew(renewing)}
          onCancel={() => setRenewing(null)}
        />
      )}
    </section>
  );
}
