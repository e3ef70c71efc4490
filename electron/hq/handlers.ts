import type { Pool } from 'pg';
import type {
  HqProcedureName,
  HqProcedureOutput,
  HqValidInput,
} from '../../shared/api/hq-contract';
import type { Logger } from '../log';

/** Who calls the head office: signed-in staff (null for a public call), and from where. */
export interface HqCaller {
  staff: { id: number; name: string } | null;
  token: string | null;
  /**
   * `http:<address>`: wrong passwords are slowed down per client. The address is the TCP peer's,
   * or the one a trusted proxy forwards (`--trust-proxy`, electron/hq/client-address.ts).
   */
  client: string;
}

export type HqHandlers = {
  [N in HqProcedureName]: (
    input: HqValidInput<N>,
    caller: HqCaller,
  ) => HqProcedureOutput<N> | Promise<HqProcedureOutput<N>>;
};

/** What every part of the head office is given: it keeps no state of its own (stateless servers). */
export interface HqContext {
  pool: Pool;
  now: () => Date;
  log: Logger;
}
