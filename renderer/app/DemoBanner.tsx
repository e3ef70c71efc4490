import { useTranslation } from 'react-i18next';
import { displayStoredNumber } from '../../shared/customer-number';
import type { DemoCard } from '../../shared/demo-cards';
import { api } from '../api';
import { useFormat } from '../format';
import { useApi } from '../use-api';

/**
 * DEMO on every screen, and the demo's cards with what each does when tried, as the core's
 * simulated network will really do it (app.get's demoCards).
 */
export function DemoBanner() {
  const { t } = useTranslation();
  const app = useApi(() => api.call('app.get', {}), []);
  const cards = app.value?.demoCards ?? [];
  return (
    <div className="demo-banner" data-testid="demo-banner">
      <p role="status" className="demo-banner__what">
        {t('app.demoBanner')}
      </p>
      {cards.length > 0 && (
        <details className="demo-banner__cards">
          <summary>{t('demoCards.title')}</summary>
          <ul>
            {cards.map((card) => (
              <li key={card.number}>
                <DemoCardLine card={card} />
              </li>
            ))}
            <li>{t('demoCards.unknown')}</li>
          </ul>
        </details>
      )}
    </div>
  );
}

function DemoCardLine({ card }: { card: DemoCard }) {
  const { t } = useTranslation();
  const format = useFormat();
  const facts = {
    plan: card.plan,
    remaining: format.data(card.remainingMb),
    validity: format.validity(Math.abs(card.validForDays)),
  };
  return (
    <>
      <span className="demo-banner__number">{displayStoredNumber(`+${card.number}`)}</span>{' '}
      {t(`demoCards.${card.kind}`, facts)}
    </>
  );
}
