import type { Migration } from '../migrate';
import { migration0001 } from './0001-shop-profile';
import { migration0002 } from './0002-renewal-journal';
import { migration0003 } from './0003-sms-and-balance-checks';

/** In order, one per schema version. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003];
