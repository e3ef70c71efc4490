import type {
  EventName,
  EventPayload,
  ProcedureInput,
  ProcedureName,
  ProcedureOutput,
} from './contract';

/**
 * How a client reaches the core. Implementations resolve with the procedure's result or reject
 * with an ApiError; the client above them never knows which one it has.
 */
export interface Transport {
  invoke(name: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

export interface Client {
  call<N extends ProcedureName>(name: N, input: ProcedureInput<N>): Promise<ProcedureOutput<N>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(transport: Transport): Client {
  return {
    call: (name, input) => transport.invoke(name, input) as never,
    on: (event, listener) => transport.subscribe(event, listener as (payload: unknown) => void),
  };
}
