import type { CarrierProfile } from '../../shared/carrier';
import { catalogHandlers } from './catalog/api';
import { checkHandlers } from './checks';
import type { HqContext, HqHandlers } from './handlers';
import { reportHandlers } from './reports/api';
import { shopHandlers } from './shops';
import { staffHandlers } from './staff';

/** Every head-office procedure's handler: the parts, each from its own folder, only combined here. */
export function hqHandlers(
  context: HqContext,
  shippedCarriers: readonly CarrierProfile[] = [],
): HqHandlers {
  return {
    ...staffHandlers(context),
    ...shopHandlers(context),
    ...checkHandlers(context),
    ...reportHandlers(context, shippedCarriers),
    ...catalogHandlers(context, shippedCarriers),
  };
}
