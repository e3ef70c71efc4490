import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/errors';
import type { HqProcedureOutput } from '../../../shared/api/hq-contract';
import type { HqClient } from '../../../shared/api/hq-contract/client';
import type { CarrierProfile } from '../../../shared/carrier';
import { formatLocalDateTime } from '../../../shared/date-time';
import type { CatalogChange } from '../../../shared/head-office';
import { FormStatus } from '../../components/FormStatus';
import { describeError } from '../../errors';
import { CarrierEditor } from '../../settings/CarrierEditor';
import { useApi } from '../../use-api';
import { effectiveFromInput, wallTimeText } from './catalog-text';

type Catalog = HqProcedureOutput<'catalog.list'>;

/**
 * The head office's catalog: a carrier's plans and prices edited with the shop's own carrier
 * editor, published for every managed shop or some, at a local time read in each shop's zone;
 * the changes published, and each shop's version and whether the head office sets its carriers.
 */
export function CatalogScreen({ hq }: { hq: HqClient }) {
  const { t, i18n } = useTranslation();
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [open, setOpen] = useState<{ id: string; loads: number } | null>(null);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [someShops, setSomeShops] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; lines: string[] } | null>(null);

  const loaded = useApi(() => hq.call('catalog.list', {}), [hq], {
    done(found) {
      setCatalog(found);
      setOpen(
        (current) => current ?? (found.profiles[0] ? { id: found.profiles[0].id, loads: 0 } : null),
      );
    },
  });

  const profile = catalog?.profiles.find((candidate) => candidate.id === open?.id) ?? null;
  const managedShops = catalog?.shops.filter((shop) => shop.managed) ?? [];
  const shopName = (id: string) => catalog?.shops.find((shop) => shop.id === id)?.name ?? id;
  const reader = Intl.DateTimeFormat().resolvedOptions().timeZone;

  async function publish(candidate: CarrierProfile) {
    if (someShops && picked.length === 0)
      throw new ApiError('invalid_input', t('centralCatalog.pickOne'));
    const at = effectiveFromInput(effectiveFrom);
    const { change } = await hq.call('catalog.save', {
      profile: candidate,
      effectiveFrom: at,
      shopIds: someShops ? picked : null,
    });
    const found = await hq.call('catalog.list', {});
    setCatalog(found);
    const name = candidate.name;
    const text =
      at === null
        ? t('centralCatalog.published', { name, version: change.version })
        : t('centralCatalog.publishedAt', {
            name,
            version: change.version,
            at: wallTimeText(at, i18n.language),
          });
    return { profile: change.kind === 'carrierProfile' ? change.profile : candidate, text };
  }

  async function setManaged(shopId: string, managed: boolean) {
    setMessage(null);
    try {
      const { change } = await hq.call('catalog.setManaged', { shopId, managed });
      setCatalog(await hq.call('catalog.list', {}));
      const key = managed ? 'centralCatalog.managedSet' : 'centralCatalog.releasedSet';
      setMessage({
        tone: 'ok',
        lines: [t(key, { shop: shopName(shopId), version: change.version })],
      });
    } catch (error) {
      setMessage({ tone: 'error', lines: [describeError(t, error)] });
    }
  }

  function describeChange(change: CatalogChange): string {
    if (change.kind === 'carrierProfile') {
      return t('centralCatalog.profileChange', { name: change.profile.name });
    }
    return change.settings.managed ? t('centralCatalog.managedOn') : t('centralCatalog.managedOff');
  }

  if (loaded.error !== null && !catalog) {
    return <FormStatus message={{ tone: 'error', lines: [describeError(t, loaded.error)] }} />;
  }

  return (
    <section className="settings" aria-labelledby="hq-catalog-title">
      <h2 id="hq-catalog-title">{t('centralCatalog.title')}</h2>
      <p>{t('centralCatalog.intro')}</p>
      {catalog && <p>{t('centralCatalog.version', { version: catalog.version })}</p>}
      {catalog && catalog.profiles.length === 0 && <p>{t('centralCatalog.noProfile')}</p>}
      {catalog && catalog.profiles.length > 1 && (
        <div className="field">
          <label htmlFor="hq-carrier-choice">{t('carrierSettings.carrier')}</label>
          <select
            id="hq-carrier-choice"
            value={open?.id ?? ''}
            onChange={(event) =>
              setOpen((current) => ({ id: event.target.value, loads: (current?.loads ?? 0) + 1 }))
            }
          >
            {catalog.profiles.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {profile && open && (
        <>
          <div className="field">
            <label htmlFor="hq-effective-from">{t('centralCatalog.effectiveFrom')}</label>
            <input
              id="hq-effective-from"
              type="datetime-local"
              aria-describedby="hq-effective-hint"
              value={effectiveFrom}
              onChange={(event) => setEffectiveFrom(event.target.value)}
            />
            <p className="field__hint" id="hq-effective-hint">
              {t('centralCatalog.effectiveHint')}
            </p>
          </div>
          <fieldset className="drawer-mode">
            <legend>{t('centralCatalog.target')}</legend>
            <label className="permissions__choice">
              <input
                type="radio"
                name="hq-target"
                checked={!someShops}
                onChange={() => setSomeShops(false)}
              />
              {t('centralCatalog.everyManaged')}
            </label>
            <label className="permissions__choice">
              <input
                type="radio"
                name="hq-target"
                checked={someShops}
                onChange={() => setSomeShops(true)}
              />
              {t('centralCatalog.someShops')}
            </label>
            {someShops &&
              managedShops.map((shop) => (
                <label key={shop.id} className="permissions__choice">
                  <input
                    type="checkbox"
                    checked={picked.includes(shop.id)}
                    onChange={(event) => {
                      const { checked } = event.target;
                      setPicked((current) =>
                        checked ? [...current, shop.id] : current.filter((id) => id !== shop.id),
                      );
                    }}
                  />
                  {shop.name}
                </label>
              ))}
          </fieldset>
          <CarrierEditor
            key={`${profile.id}:${open.loads}`}
            profile={profile}
            readOnly={false}
            save={publish}
          />
        </>
      )}
      {catalog && (
        <>
          <h3>{t('centralCatalog.shops')}</h3>
          <table className="table">
            <thead>
              <tr>
                <th>{t('centralCatalog.shopColumns.shop')}</th>
                <th>{t('centralCatalog.shopColumns.runs')}</th>
                <th>{t('centralCatalog.shopColumns.managed')}</th>
              </tr>
            </thead>
            <tbody>
              {catalog.shops.map((shop) => (
                <tr key={shop.id}>
                  <td>{shop.name}</td>
                  <td>{shop.version}</td>
                  <td>
                    {shop.managed ? t('centralCatalog.managedOn') : t('centralCatalog.managedOff')}{' '}
                    <button type="button" onClick={() => void setManaged(shop.id, !shop.managed)}>
                      {shop.managed ? t('centralCatalog.release') : t('centralCatalog.manage')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <FormStatus message={message} />
          <h3>{t('centralCatalog.changes')}</h3>
          {catalog.changes.length === 0 ? (
            <p>{t('centralCatalog.noChanges')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th>{t('centralCatalog.columns.version')}</th>
                  <th>{t('centralCatalog.columns.change')}</th>
                  <th>{t('centralCatalog.columns.applies')}</th>
                  <th>{t('centralCatalog.columns.for')}</th>
                  <th>{t('centralCatalog.columns.by')}</th>
                  <th>{t('centralCatalog.columns.at')}</th>
                </tr>
              </thead>
              <tbody>
                {catalog.changes.map(({ change, shopIds, createdAt, createdBy }) => {
                  const when = formatLocalDateTime(createdAt, reader, i18n.language);
                  return (
                    <tr key={change.version}>
                      <td>{change.version}</td>
                      <td>{describeChange(change)}</td>
                      <td>
                        {change.effectiveFrom === null
                          ? t('centralCatalog.atOnce')
                          : wallTimeText(change.effectiveFrom, i18n.language)}
                      </td>
                      <td>
                        {shopIds === null
                          ? t('centralCatalog.everyManaged')
                          : shopIds.length === 1
                            ? shopName(shopIds[0] ?? '')
                            : t('centralCatalog.namedShops', { count: shopIds.length })}
                      </td>
                      <td>{createdBy}</td>
                      <td>{`${when.date} ${when.time}`}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
