import type { z } from 'zod';
import { catalog } from './catalog';
import { reports } from './reports';
import { shops } from './shops';
import { staff } from './staff';

export type { HqAccess } from './procedure';

/**
 * Every procedure of the head office (`comptoir hq serve`), named `area.verb`: its server's
 * dispatcher and the React app's head-office screens are both built from this one declaration,
 * over the same HTTP transport as the shop's (`POST /api/<procedure>`).
 */
export const hqProcedures = {
  ...staff,
  ...shops,
  ...reports,
  ...catalog,
};

type HqProcedures = typeof hqProcedures;
export type HqProcedureName = keyof HqProcedures;
export type HqProcedureInput<N extends HqProcedureName> = z.input<HqProcedures[N]['input']>;
export type HqProcedureOutput<N extends HqProcedureName> = z.output<HqProcedures[N]['output']>;
export type HqValidInput<N extends HqProcedureName> = z.output<HqProcedures[N]['input']>;

export function isHqProcedureName(name: string): name is HqProcedureName {
  return Object.hasOwn(hqProcedures, name);
}
