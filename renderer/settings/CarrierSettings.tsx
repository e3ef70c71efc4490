import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../shared/api/contract';
import type { CarrierProfile } from '../../shared/carrier';
import { api } from '../api';
import { describeError } from '../errors';
import { useApi } from '../use-api';
import { CarrierEditor } from './CarrierEditor';

type Listed = ProcedureOutput<'carriers.list'>;

/**
 * The manager's carrier profiles, edited with the carrier editor; a shop whose carriers the
 * head office sets shows them as they are, with the catalog version it runs.
 */
export function CarrierSettings() {
  const { t } = useTranslation();
  const [listed, setListed] = useState<Listed | null>(null);
  /** The profile open, and how many times it was loaded (a fresh editor each time). */
  const [open, setOpen] = useState<{ profile: CarrierProfile; loads: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const show = (profile: CarrierProfile) =>
    setOpen((current) => ({ profile, loads: (current?.loads ?? 0) + 1 }));

  // The list, and the first carrier open to edit.
  useApi(
    async () => {
      const found = await api.call('carriers.list', {});
      const first = found.carriers[0];
      return { found, first: first ? await api.call('carriers.get', { id: first.id }) : null };
    },
    [],
    {
      done({ found, first }) {
        setListed(found);
        if (first) show(first.profile);
      },
      failed: (error) => setFailure(describeError(t, error)),
    },
  );

  async function choose(id: string) {
    show((await api.call('carriers.get', { id })).profile);
  }

  async function save(candidate: CarrierProfile) {
    const { profile: saved } = await api.call('carriers.save', { profile: candidate });
    setListed(await api.call('carriers.list', {}));
    return { profile: saved, text: t('carrierSettings.saved', { name: saved.name }) };
  }

  const managed = listed?.headOffice.managed ?? false;
  const profile = open?.profile;

  return (
    <section className="settings" aria-labelledby="carrier-settings-title">
      <h2 id="carrier-settings-title">{t('carrierSettings.title')}</h2>
      <p>{t('carrierSettings.intro')}</p>
      {listed && managed && (
        <p className="status" role="note">
          {t('centralCatalog.managedHere', { version: listed.headOffice.version })}
        </p>
      )}
      {listed?.problems.map((problem) => (
        <p className="status status--error" key={problem.file}>
          {t('carrierSettings.problem', { message: problem.message })}
        </p>
      ))}
      {listed && listed.carriers.length > 1 && (
        <div className="field">
          <label htmlFor="carrier-choice">{t('carrierSettings.carrier')}</label>
          <select
            id="carrier-choice"
            value={profile?.id ?? ''}
            onChange={(event) => void choose(event.target.value)}
          >
            {listed.carriers.map((carrier) => (
              <option key={carrier.id} value={carrier.id}>
                {carrier.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {open && profile && (
        <>
          {!managed && (
            <p>
              {listed?.carriers.find((carrier) => carrier.id === profile.id)?.edited
                ? t('carrierSettings.edited')
                : t('carrierSettings.shipped')}
            </p>
          )}
          <CarrierEditor
            key={`${profile.id}:${open.loads}`}
            profile={profile}
            readOnly={managed}
            save={save}
          />
        </>
      )}
      {failure && (
        <p className="status status--error" role="status">
          {failure}
        </p>
      )}
    </section>
  );
}
