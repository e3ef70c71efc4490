import { useTranslation } from 'react-i18next';
import { codeGroups } from '../counters/pairing-code';
import { useShopTime } from './shop-time';

/**
 * A shop's enrolment code, shown once, large, in three groups of four, with this head office's
 * address and what the shop's manager does with them.
 */
export function EnrolmentCode({
  shopName,
  code,
  expiresAt,
}: {
  shopName: string;
  code: string;
  expiresAt: string;
}) {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div className="pairing-code" data-testid="enrolment-code">
      <p>{t('headOffice.shops.code.for', { name: shopName })}</p>
      <p className="pairing-code__code">
        {codeGroups(code.replace(/-/g, '')).map((group, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a code's groups never move, and may repeat
          <span key={index}>{group}</span>
        ))}
      </p>
      <p className="pairing-code__expiry">
        {t('headOffice.shops.code.expires', { at: shopTime(expiresAt, zone) })}
      </p>
      <ol className="pairing-code__steps">
        <li>{t('headOffice.shops.code.stepSettings')}</li>
        <li>{t('headOffice.shops.code.stepAddress', { url: window.location.origin })}</li>
        <li>{t('headOffice.shops.code.stepCode')}</li>
      </ol>
    </div>
  );
}
