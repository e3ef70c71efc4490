import { ApiError } from '../../shared/api/errors';
import type { CarrierProfile } from '../../shared/carrier';
import type { MoneyInput } from '../../shared/currencies';
import type { Handlers } from '../api/dispatcher';
import { refuseForeignCurrency } from '../api/money-inputs';
import type { DealerFloatStore } from '../store/dealer-floats';
import type { DealerFloats } from './floats';
import type { ModemBank } from './modem-bank';

/** `modems.listFloats` and `modems.setFloatWatch`: the dealer floats watched (floats.ts). */
export function dealerFloatHandlers(deps: {
  floats: DealerFloats;
  store: Pick<DealerFloatStore, 'alertPhone' | 'setAlertPhone'>;
  bank: ModemBank;
  carrierOf(carrierId: string): CarrierProfile | null;
}): Pick<
  Handlers,
  'modems.listFloats' | 'modems.setFloatWatch' | 'modems.getFloatAlerts' | 'modems.setFloatAlerts'
> {
  return {
    'modems.getFloatAlerts': () => ({ managerPhone: deps.store.alertPhone() }),
    'modems.setFloatAlerts': ({ managerPhone }) => {
      deps.store.setAlertPhone(managerPhone);
      return { managerPhone: deps.store.alertPhone() };
    },
    'modems.listFloats': () => ({ floats: deps.floats.list() }),
    'modems.setFloatWatch': ({ id, lowThreshold, dailyCap }) => {
      const modem = deps.bank.statuses().find((status) => status.id === id);
      const carrier = modem ? deps.carrierOf(modem.carrierId) : null;
      if (!carrier) throw new ApiError('not_found', `No modem ${id}`);
      // Amounts are the dealer SIM's, so in its carrier's currency.
      const amountOf = (money: MoneyInput | null, path: string) => {
        if (money === null) return null;
        refuseForeignCurrency(money.currency, carrier.currency, `${path}.currency`);
        return money.amount;
      };
      const threshold = amountOf(lowThreshold, 'lowThreshold');
      const cap = amountOf(dailyCap, 'dailyCap');
      if (cap === 0) {
        const message = 'A daily cap of nothing would stop the SIM: leave it empty for no cap';
        throw new ApiError('invalid_input', message, [
          { path: 'dailyCap.amount', code: 'cap_zero', message },
        ]);
      }
      return { float: deps.floats.setWatch(id, threshold, cap) };
    },
  };
}
