import http from 'node:http';
import type { Duplex } from 'node:stream';
import { type ApiErrorBody, type ErrorCode, errorStatus } from '../../shared/api/errors';
import { hardeningHeaders } from '../web-security';

export function sendJson(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...hardeningHeaders,
    ...headers,
  });
  response.end(text);
}

export function sendError(
  response: http.ServerResponse,
  code: ErrorCode,
  message: string,
  headers?: Record<string, string>,
) {
  const error: ApiErrorBody = { code, message };
  sendJson(response, errorStatus[code], { error }, headers);
}

/**
 * Answers on a bare socket (a request Node could not parse, a refused WebSocket upgrade) with
 * the same error shape, then closes it; nothing is written to a socket already answering.
 */
export function endSocketWithError(socket: Duplex, code: ErrorCode, message: string) {
  if (!socket.writable || (socket as { bytesWritten?: number }).bytesWritten) {
    socket.destroy();
    return;
  }
  const status = errorStatus[code];
  const body = JSON.stringify({ error: { code, message } satisfies ApiErrorBody });
  socket.end(
    [
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}`,
      'content-type: application/json; charset=utf-8',
      `content-length: ${Buffer.byteLength(body)}`,
      'cache-control: no-store',
      'connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}
