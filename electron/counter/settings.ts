import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  deviceCredentialSchema,
  fingerprintSchema,
  type Till,
  tillSchema,
} from '../../shared/counters';
import { makePrivateFolder, privateFileMode } from '../private-files';
import { keyFileSealer, type SecretSealer } from '../store/dealer-pins';
import type { HubLink } from './pinned-link';

/** In the app's data folder: present, this Comptoir is a counter of the hub it names. */
export const counterFileName = 'counter.json';

const settingsSchema = z.object({
  version: z.literal(1),
  hubUrl: z.url({ protocol: /^https$/ }),
  fingerprint: fingerprintSchema,
  till: tillSchema,
  /** The device credential, sealed: by the system's keychain in the desktop app, else a key file. */
  credential: z.string().min(1),
  sealedWith: z.enum(['keychain', 'key_file']),
});

/** A counter's settings: its hub, pinned, and its till. */
export interface CounterSettings {
  link: HubLink & { credential: string };
  till: Till;
}

export class CounterSettingsError extends Error {
  constructor(file: string, reason: string) {
    super(`The counter's settings ${file} ${reason}`);
    this.name = 'CounterSettingsError';
  }
}

export const counterFileIn = (dir: string) => path.join(dir, counterFileName);

/** The sealer of a counter's credential: the keychain given, else the key file beside the core's PINs. */
function sealerIn(dir: string, keychain: SecretSealer | undefined) {
  return keychain
    ? { sealer: keychain, sealedWith: 'keychain' as const }
    : {
        sealer: keyFileSealer(path.join(dir, 'comptoir-secrets.key')),
        sealedWith: 'key_file' as const,
      };
}

/** The counter's settings in `dir`, or null when this Comptoir is no counter (no file). */
export function readCounterSettings(dir: string, keychain?: SecretSealer): CounterSettings | null {
  const file = counterFileIn(dir);
  if (!fs.existsSync(file)) return null;
  let parsed: z.infer<typeof settingsSchema>;
  try {
    parsed = settingsSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    throw new CounterSettingsError(file, 'are damaged: pair this counter again');
  }
  const { sealer, sealedWith } = sealerIn(dir, keychain);
  if (parsed.sealedWith !== sealedWith) {
    throw new CounterSettingsError(
      file,
      parsed.sealedWith === 'keychain'
        ? 'were sealed by the desktop app’s keychain: only the desktop app opens them'
        : 'were sealed by a key file, not this keychain: pair this counter again here',
    );
  }
  let credential: string;
  try {
    credential = deviceCredentialSchema.parse(sealer.open(parsed.credential));
  } catch {
    throw new CounterSettingsError(file, 'hold a credential that cannot be opened here');
  }
  return {
    link: { url: parsed.hubUrl, fingerprint: parsed.fingerprint, credential },
    till: parsed.till,
  };
}

/** Keeps a newly paired counter's settings, the credential sealed, owner-only. */
export function writeCounterSettings(
  dir: string,
  settings: CounterSettings,
  keychain?: SecretSealer,
) {
  makePrivateFolder(dir);
  const { sealer, sealedWith } = sealerIn(dir, keychain);
  const file = counterFileIn(dir);
  const document = {
    version: 1,
    hubUrl: settings.link.url,
    fingerprint: settings.link.fingerprint,
    till: settings.till,
    credential: sealer.seal(settings.link.credential),
    sealedWith,
  };
  // Written whole then renamed: a stop halfway never leaves a counter half paired.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(document, null, 2)}\n`, { mode: privateFileMode });
  fs.renameSync(temporary, file);
}
