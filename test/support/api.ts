import WebSocket from 'ws';
import { type Client, createClient } from '../../shared/api/client';
import { ApiError } from '../../shared/api/errors';
import { httpTransport } from '../../shared/api/http-transport';

/** The ApiError a call was refused with; fails the test if the call succeeded. */
export async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('The call was not refused');
}

/** A client of the host at `url` over real HTTP and WebSocket, signed in as `name`. */
export async function signedIn(url: string, name: string, pin: string): Promise<Client> {
  const api = createClient(
    httpTransport({ baseUrl: url, WebSocket: WebSocket as never, reconnectMs: 50 }),
  );
  api.setToken((await api.call('auth.login', { name, pin })).token);
  return api;
}

/** Francs of the demo shop (XPF), as the API takes money: xpf(1500) is 1 500 F. */
export const xpf = (amount: number) => ({ amount, currency: 'XPF' as const });
