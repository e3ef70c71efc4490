import type { ShopProfile } from '../../shared/shop';
import type { Handlers } from '../api/dispatcher';
import type { Permit } from '../auth/permissions';
import { auditCsv } from './csv';
import type { AuditTrail } from './trail';

/** The shop's zone for the day filter and local times; UTC before the shop is set up. */
const zoneOf = (profile: ShopProfile | null) => profile?.timeZone ?? 'UTC';

export function auditHandlers(deps: {
  trail: AuditTrail;
  shop(): ShopProfile | null;
  now(): Date;
  permit: Permit;
}): Pick<Handlers, 'audit.list' | 'audit.verify' | 'audit.export'> {
  const { trail } = deps;
  return {
    'audit.list': ({ limit, ...filter }) => trail.find(filter, zoneOf(deps.shop()), limit),
    'audit.verify': () => trail.verify(),
    'audit.export': ({ manager, ...filter }, caller) => {
      deps.permit('export', caller, manager);
      const timeZone = zoneOf(deps.shop());
      const { events } = trail.find(filter, timeZone, null);
      const stamp = deps.now().toISOString().slice(0, 10);
      const csv = auditCsv([...events].reverse(), timeZone);
      return {
        files: [
          {
            name: `audit-${filter.day ?? stamp}.csv`,
            mediaType: 'text/csv',
            base64: Buffer.from(csv, 'utf8').toString('base64'),
          },
        ],
      };
    },
  };
}
