import type { Migration } from '../migrate';
import { migration0001 } from './0001-shop-profile';
import { migration0002 } from './0002-renewal-journal';
import { migration0005 } from './0005-printers';

/** In order of their numbers; a gap is a number reserved for a migration still being written. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0005];
