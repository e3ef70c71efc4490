import type { z } from 'zod';
import { accountant } from './accountant';
import { app } from './app';
import { archives } from './archives';
import { audit } from './audit';
import { auth } from './auth';
import { backups } from './backups';
import { balance } from './balance';
import { cards } from './cards';
import { carriers } from './carriers';
import { catalog } from './catalog';
import { counters } from './counters';
import { day } from './day';
import { events } from './events';
import { modems } from './modems';
import { periods } from './periods';
import { permissions } from './permissions';
import { printers } from './printers';
import { receipts } from './receipts';
import { sales } from './sales';
import { shifts } from './shifts';
import { shop } from './shop';
import { sync } from './sync';
import { tills } from './tills';
import { users } from './users';

export type { Access } from './procedure';
export { events };

/**
 * Every procedure the interface can call, named `area.verb`, one file per area. Both transports
 * (Electron IPC and HTTP) and the renderer's client are built from this one declaration.
 */
export const procedures = {
  ...app,
  ...auth,
  ...users,
  ...shop,
  ...catalog,
  ...sales,
  ...receipts,
  ...printers,
  ...balance,
  ...cards,
  ...modems,
  ...carriers,
  ...backups,
  ...shifts,
  ...day,
  ...periods,
  ...audit,
  ...archives,
  ...permissions,
  ...accountant,
  ...counters,
  ...tills,
  ...sync,
};

type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
export type ProcedureInput<N extends ProcedureName> = z.input<Procedures[N]['input']>;
export type ProcedureOutput<N extends ProcedureName> = z.output<Procedures[N]['output']>;
/** What a handler receives: the input after validation. */
export type ValidInput<N extends ProcedureName> = z.output<Procedures[N]['input']>;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export function isProcedureName(name: string): name is ProcedureName {
  return Object.hasOwn(procedures, name);
}
