import type { Database } from 'better-sqlite3';
import {
  type Act,
  acts,
  type Decision,
  defaultPermissions,
  type Permissions,
} from '../../shared/permissions';

/** What a clerk may do: the rows saved over the defaults (an act never set keeps its default). */
export function createPermissionStore(db: Database, now: () => Date) {
  const select = db.prepare<[], { act: string; decision: Decision }>(
    "SELECT act, decision FROM permissions WHERE role = 'clerk'",
  );
  const upsert = db.prepare(`
    INSERT INTO permissions (role, act, decision, updated_at) VALUES ('clerk', ?, ?, ?)
    ON CONFLICT (role, act) DO UPDATE SET decision = excluded.decision,
      updated_at = excluded.updated_at`);
  const known = new Set<string>(acts);
  return {
    get(): Permissions {
      const clerk = { ...defaultPermissions.clerk };
      for (const { act, decision } of select.all()) {
        // A row of an act this version no longer knows (a newer Comptoir's) is left alone.
        if (known.has(act)) clerk[act as Act] = decision;
      }
      return { clerk };
    },
    /** All acts at once, in one transaction: a screen never sees half a matrix. */
    save(permissions: Permissions): void {
      const at = now().toISOString();
      db.transaction(() => {
        for (const act of acts) upsert.run(act, permissions.clerk[act], at);
      })();
    },
  };
}

export type PermissionStore = ReturnType<typeof createPermissionStore>;
