import http from 'node:http';
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

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: { error?: { code: string; params?: Record<string, unknown> } } & Record<string, unknown>;
}

/** An answer read to its end, its body as JSON. */
export function jsonAnswer(response: http.IncomingMessage): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('error', reject);
    response.on('end', () =>
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      }),
    );
  });
}

/**
 * `POST /api/<name>` to the host at `url` over real HTTP, from the loopback address `from`
 * (127.0.0.2 stands for another machine of the shop: the host tells clients by address).
 */
export function postApi(
  url: string,
  name: string,
  input: unknown,
  options: { token?: string; from?: string } = {},
): Promise<HttpAnswer> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(`/api/${name}`, url),
      {
        method: 'POST',
        localAddress: options.from ?? '127.0.0.1',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (response) => resolve(jsonAnswer(response)),
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Francs of the demo shop (XPF), as the API takes money: xpf(1500) is 1 500 F. */
export const xpf = (amount: number) => ({ amount, currency: 'XPF' as const });
