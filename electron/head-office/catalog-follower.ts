import type { Database } from 'better-sqlite3';
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

/**
 * Placeholder until the central catalog lands: answers the version received so far and keeps
 * nothing of what is pulled (the catalog part replaces this whole function and its deps).
 */
export function createCatalogFollower(deps: { db: Database }): CatalogFollower {
  const receivedVersion = () =>
    deps.db
      .prepare('SELECT coalesce(max(version), 0) FROM catalog_changes')
      .pluck()
      .get() as number;
  return {
    receivedVersion,
    receive: async () => {},
    status: () => ({ received: receivedVersion(), applied: 0, managed: false, scheduled: [] }),
  };
}
