import type { CatalogPull, SyncStatus } from '../../shared/head-office';

/**
 * The shop's side of the central catalog: the changes pulled from the head office, kept in
 * `catalog_changes` and each applied at its effective time in the shop's zone (also offline).
 * The sync worker pulls after each push and hands the answer here.
 */
export interface CatalogFollower {
  /** The last version received: the sync asks for what came after it. */
  receivedVersion(): number;
  /** Stores the changes pulled (checked, in one transaction), then applies those already due. */
  receive(pull: CatalogPull): Promise<void>;
  /** What the manager's Sync status says of the catalog. */
  status(): SyncStatus['catalog'];
}
