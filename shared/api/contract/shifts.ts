import { z } from 'zod';
import { moneyInputSchema } from '../../currencies';
import {
  cashMovementInputSchema,
  dealerBalanceInputSchema,
  drawerTillIdSchema,
  shiftSchema,
} from '../../day';
import { procedure } from './procedure';

const dealerProblemSchema = z.object({ modemId: z.string(), problem: z.string() });

export const shifts = {
  'shifts.getCurrent': procedure(
    'user',
    'The open shift, if any; `stale` when it was opened on an earlier day (close it first). ' +
      "A manager may name another till's drawer (`tillId`).",
    z.object({ tillId: drawerTillIdSchema }).strict(),
    z.object({ shift: shiftSchema.nullable(), stale: z.boolean() }),
  ),
  'shifts.open': procedure(
    'user',
    "Opens the shift with the float counted into the drawer, and reads each dealer SIM's " +
      'balance (or takes the ones entered by hand). Refused while a shift is open.',
    z
      .object({
        float: moneyInputSchema,
        dealerBalances: z.array(dealerBalanceInputSchema).max(64).optional(),
      })
      .strict(),
    z.object({ shift: shiftSchema, dealerProblems: z.array(dealerProblemSchema) }),
  ),
  'shifts.recordDealerBalance': procedure(
    'user',
    "A dealer SIM's opening balance entered by hand, when the carrier could not be asked.",
    dealerBalanceInputSchema,
    z.object({ shift: shiftSchema }),
  ),
  'shifts.recordCashMovement': procedure(
    'user',
    'Cash put into or taken out of the drawer, with the reason.',
    cashMovementInputSchema,
    z.object({ shift: shiftSchema }),
  ),
};
