import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { makePrivateFolder, privateFileMode } from '../private-files';

/** Seals a secret at rest: Electron's safeStorage in the app, a key file in the browser host. */
export interface SecretSealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

export class DealerPinFileError extends Error {
  constructor(file: string, reason: string) {
    super(`The dealer PIN file ${file} ${reason}`);
    this.name = 'DealerPinFileError';
  }
}

function writePrivately(file: string, data: string | Buffer) {
  makePrivateFolder(path.dirname(file));
  // Written whole then renamed: a stop halfway never leaves a torn file.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, data, { mode: privateFileMode });
  fs.renameSync(temporary, file);
}

/**
 * AES-256-GCM with a random key kept in its own owner-only file. It keeps PINs out of the
 * database and its backups; on the same disk it protects no more than the file permissions.
 * The desktop app uses the operating system's keychain instead (safeStorage).
 */
export function keyFileSealer(keyFile: string): SecretSealer {
  let key: Buffer;
  if (fs.existsSync(keyFile)) {
    key = fs.readFileSync(keyFile);
    if (key.length !== 32) throw new DealerPinFileError(keyFile, 'is not a 32-byte key');
  } else {
    key = randomBytes(32);
    writePrivately(keyFile, key);
  }
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      const bytes = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

const pinFileSchema = z.object({ version: z.literal(1), pins: z.record(z.string(), z.string()) });

function readPinFile(file: string): Record<string, string> {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new DealerPinFileError(file, 'is damaged');
  }
  const parsed = pinFileSchema.safeParse(json);
  if (!parsed.success) throw new DealerPinFileError(file, 'is damaged');
  return parsed.data.pins;
}

/**
 * The dealer SIMs' PINs, by modem id: sealed, in a file apart from the database and settings,
 * never returned by the API (only whether one is set).
 */
export function createDealerPins(file: string, sealer: SecretSealer) {
  let pins = fs.existsSync(file) ? readPinFile(file) : {};
  const save = (next: Record<string, string>) => {
    writePrivately(file, `${JSON.stringify({ version: 1, pins: next }, null, 2)}\n`);
    pins = next;
  };
  return {
    has: (modemId: string) => Object.hasOwn(pins, modemId),
    /** The PIN in clear, for the top-up script only; undefined if none or it cannot be opened. */
    get(modemId: string): string | undefined {
      const sealed = pins[modemId];
      if (sealed === undefined) return undefined;
      try {
        return sealer.open(sealed);
      } catch {
        return undefined;
      }
    },
    set(modemId: string, pin: string) {
      save({ ...pins, [modemId]: sealer.seal(pin) });
    },
    remove(modemId: string) {
      if (!Object.hasOwn(pins, modemId)) return;
      const { [modemId]: _removed, ...rest } = pins;
      save(rest);
    },
  };
}
