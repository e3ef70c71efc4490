import type { Transport } from '../client';
import type { HqProcedureInput, HqProcedureName, HqProcedureOutput } from '.';

/** The head-office screens' client: the same transport as the shop's, the head office's contract. */
export interface HqClient {
  call<N extends HqProcedureName>(
    name: N,
    input: HqProcedureInput<N>,
  ): Promise<HqProcedureOutput<N>>;
  setToken(token: string | null): void;
}

export function createHqClient(transport: Transport): HqClient {
  let token: string | null = null;
  return {
    call: async (name, input) => (await transport.invoke(name, input, token)) as never,
    setToken(next) {
      token = next;
    },
  };
}
