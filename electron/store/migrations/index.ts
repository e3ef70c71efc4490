import type { Migration } from '../migrate';
import { migration0001 } from './0001-shop-profile';
import { migration0002 } from './0002-renewal-journal';
import { migration0003 } from './0003-modem-bank';
import { migration0004 } from './0004-shifts';
import { migration0005 } from './0005-printers';
import { migration0006 } from './0006-sms-and-balance-checks';
import { migration0007 } from './0007-idle-lock';
import { migration0008 } from './0008-refunds-by-time';
import { migration0009 } from './0009-sale-payment-and-settlement';
import { migration0010 } from './0010-z-report-prints';
import { migration0011 } from './0011-pending-receipts';
import { migration0012 } from './0012-modem-sims';
import { migration0013 } from './0013-modem-timeline';
import { migration0014 } from './0014-dealer-floats';
import { migration0015 } from './0015-receipt-language-sms-and-drawer';
import { migration0016 } from './0016-till-name';
import { migration0017 } from './0017-sale-tax-rate';
import { migration0018 } from './0018-shop-legal-name';
import { migration0019 } from './0019-period-closures';
import { migration0020 } from './0020-audit-trail';
import { migration0021 } from './0021-permissions';
import { migration0022 } from './0022-period-closure-prints';
import { migration0023 } from './0023-counters';
import { migration0024 } from './0024-sales-and-shifts-at-tills';
import { migration0025 } from './0025-head-office';

/** In order, one per schema version. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
  migration0020,
  migration0021,
  migration0022,
  migration0023,
  migration0024,
  migration0025,
];
