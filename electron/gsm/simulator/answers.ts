/**
 * What the modem prints: information lines framed as `\r\n<line>\r\n`, final results, the SMS
 * prompt. Lines are byte strings (one character per byte), because that is what a modem sends:
 * GSM code points, UCS2 hex, noise, whatever the charset makes of a text.
 */
import { describeCmeError, describeCmsError } from '../at/error-codes';
import type { LinkClosed, ModemLink } from '../link/link';

/** How a command ends. `none`: no final result at all (a quirk, or a modem that hangs). */
export type Final =
  | { kind: 'ok' }
  | { kind: 'error' }
  | { kind: 'cme'; code: number }
  | { kind: 'cms'; code: number }
  | { kind: 'unknown-command' }
  | { kind: 'none' };

export const OK: Final = { kind: 'ok' };
export const ERROR: Final = { kind: 'error' };
export const UNKNOWN_COMMAND: Final = { kind: 'unknown-command' };
export const NO_FINAL: Final = { kind: 'none' };
export const cme = (code: number): Final => ({ kind: 'cme', code });
export const cms = (code: number): Final => ({ kind: 'cms', code });

/** Common +CME / +CMS codes, named as 27.007 §9.2 and 27.005 §3.2.5 name them. */
export const CME = {
  notAllowed: 3,
  notSupported: 4,
  simPinRequired: 11,
  simPukRequired: 12,
  incorrectPassword: 16,
  noNetworkService: 30,
  incorrectParameters: 50,
} as const;

export const CMS = {
  operationNotAllowed: 302,
  operationNotSupported: 303,
  invalidPduParameter: 304,
  simPinRequired: 311,
  simPukRequired: 316,
  invalidMemoryIndex: 321,
  noNetworkService: 331,
} as const;

/**
 * The final result line, or null for none. With AT+CMEE=0 every error is a bare ERROR; 1 prints
 * the code, 2 the text. Huawei answers unknown commands with its own COMMAND NOT SUPPORT.
 */
export function finalLine(
  final: Final,
  cmee: 0 | 1 | 2,
  unknownCommand: 'error' | 'command-not-support',
): string | null {
  switch (final.kind) {
    case 'ok':
      return 'OK';
    case 'error':
      return 'ERROR';
    case 'none':
      return null;
    case 'unknown-command':
      if (unknownCommand === 'command-not-support') return 'COMMAND NOT SUPPORT';
      return cmee === 0 ? 'ERROR' : errorLine('cme', 4, cmee);
    case 'cme':
    case 'cms':
      return cmee === 0 ? 'ERROR' : errorLine(final.kind, final.code, cmee);
  }
}

function errorLine(family: 'cme' | 'cms', code: number, cmee: 1 | 2): string {
  const prefix = family === 'cme' ? '+CME ERROR' : '+CMS ERROR';
  if (cmee === 1) return `${prefix}: ${code}`;
  const meaning = family === 'cme' ? describeCmeError(code) : describeCmsError(code);
  return `${prefix}: ${meaning.message}`;
}

/** Bytes of a byte string; a character above 0xFF (a caller's mistake) goes out as UTF-8. */
function lineBytes(text: string): Uint8Array {
  const latin1 = [...text].every((ch) => ch.charCodeAt(0) <= 0xff);
  return Buffer.from(text, latin1 ? 'latin1' : 'utf8');
}

/**
 * Writes to the link in order, never throwing: once the link is gone, writes are dropped (the
 * client has unplugged us; there is nobody to tell).
 */
export function createLineWriter(link: ModemLink) {
  let chain: Promise<void> = Promise.resolve();
  let closed: LinkClosed | null = null;
  link.onClose((reason) => {
    closed = reason;
  });

  function raw(bytes: Uint8Array | string): void {
    const data = typeof bytes === 'string' ? lineBytes(bytes) : bytes;
    if (closed || data.length === 0) return;
    chain = chain.then(() => (closed ? undefined : link.write(data))).catch(() => undefined);
  }

  return {
    raw,
    /** One block of information lines: `\r\nA\r\nB\r\n`. */
    lines(lines: readonly string[]): void {
      if (lines.length > 0) raw(`\r\n${lines.join('\r\n')}\r\n`);
    },
    /** Resolves once everything written so far has reached the link. */
    flushed(): Promise<void> {
      return chain;
    },
  };
}
