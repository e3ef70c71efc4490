import type { Migration } from '../migrate';
import { migration0001 } from './0001-shop-profile';

/** In order, one per schema version. */
export const migrations: readonly Migration[] = [migration0001];
