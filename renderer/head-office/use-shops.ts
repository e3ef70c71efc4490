import type { HqProcedureOutput } from '../../shared/api/hq-contract';
import { useApi } from '../use-api';
import { hq } from './hq-api';

export type ShopSummary = HqProcedureOutput<'shops.list'>['shops'][number];

/**
 * The chain's shops as shops.list gives them, and each one's time zone: a shop's times are shown
 * in its own zone, as its own screens show them.
 */
export function useShops() {
  const shops = useApi(() => hq.call('shops.list', {}), []);
  const list = shops.value?.shops ?? [];
  const zoneOf = (shopId: string) =>
    list.find((shop) => shop.id === shopId)?.zone ??
    Intl.DateTimeFormat().resolvedOptions().timeZone;
  return { ...shops, list, zoneOf };
}
