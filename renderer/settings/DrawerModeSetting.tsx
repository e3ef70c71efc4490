import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import { type DrawerMode, drawerModes } from '../../shared/counters';
import { api } from '../api';
import { type FormMessage, FormStatus } from '../components/FormStatus';
import { describeError } from '../errors';
import { useApi } from '../use-api';

const labels = { per_till: 'perTill', shop: 'shop' } as const satisfies Record<DrawerMode, string>;

/**
 * How cash is counted at the close, a manager's choice for Settings → Counters: a drawer per till
 * (one Z per till per day) or one drawer for the shop. Saved as it is chosen; refused while any
 * drawer has a shift open.
 */
export function DrawerModeSetting() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<DrawerMode | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage>(null);
  const loaded = useApi(() => api.call('tills.list', {}), [], {
    done: ({ drawers }) => setMode(drawers),
  });

  async function choose(drawers: DrawerMode) {
    setBusy(true);
    setMessage(null);
    try {
      setMode((await api.call('tills.setDrawers', { drawers })).drawers);
      setMessage({ tone: 'ok', lines: [t('drawers.mode.saved')] });
    } catch (error) {
      const refused = error instanceof ApiError && error.code === 'conflict';
      setMessage({
        tone: 'error',
        lines: [refused ? t('drawers.mode.refused') : describeError(t, error)],
      });
    } finally {
      setBusy(false);
    }
  }

  if (loaded.error !== null) {
    return <FormStatus message={{ tone: 'error', lines: [describeError(t, loaded.error)] }} />;
  }
  return (
    <fieldset className="drawer-mode" disabled={mode === null || busy}>
      <legend>{t('drawers.mode.legend')}</legend>
      {drawerModes.map((value) => (
        <label key={value} className="permissions__choice">
          <input
            type="radio"
            name="drawer-mode"
            value={value}
            checked={mode === value}
            onChange={() => choose(value)}
          />
          {t(`drawers.mode.${labels[value]}`)}
        </label>
      ))}
      <FormStatus message={message} />
    </fieldset>
  );
}
