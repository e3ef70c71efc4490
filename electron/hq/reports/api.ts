import type { CarrierProfile } from '../../../shared/carrier';
import type { HqContext, HqHandlers } from '../handlers';
import { chainExport } from './chain-csv';
import { chainReport } from './chain-report';
import { chainFloats, pendingSales, shopZReports } from './chain-state';
import { reportPeriod } from './period';

type ReportHandlers = Pick<
  HqHandlers,
  | 'reports.getDay'
  | 'reports.getMonth'
  | 'reports.export'
  | 'floats.list'
  | 'pending.list'
  | 'zReports.list'
>;

/**
 * The chain's reports, read from the read models the ingest keeps (PG migration 0001); carriers
 * named as the catalog names them, `shipped` the profiles it starts from (see catalogHandlers).
 */
export function reportHandlers(
  { pool, now }: HqContext,
  shipped: readonly CarrierProfile[] = [],
): ReportHandlers {
  return {
    'reports.getDay': async ({ day }) => chainReport(pool, reportPeriod(day, 'day'), shipped),
    'reports.getMonth': async ({ month }) =>
      chainReport(pool, reportPeriod(month, 'month'), shipped),
    'reports.export': async ({ period }) => chainExport(pool, reportPeriod(period, 'period')),
    'floats.list': async () => ({ floats: await chainFloats(pool, shipped) }),
    'pending.list': async () => ({ sales: await pendingSales(pool, now(), shipped) }),
    'zReports.list': async ({ shopId, month }) =>
      shopZReports(pool, shopId, month === null ? null : reportPeriod(month, 'month')),
  };
}
