import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CounterSettingsError,
  counterFileIn,
  readCounterSettings,
  writeCounterSettings,
} from '../../../electron/counter/settings';
import { keyFileSealer } from '../../../electron/store/dealer-pins';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();

const settings = {
  link: {
    url: 'https://127.0.0.2:5171',
    fingerprint: 'AB'.repeat(32),
    credential: 'c0'.repeat(32),
  },
  till: { id: 'counter-0001', name: 'Counter 2', kind: 'counter' as const },
};

describe('a counter’s settings file', () => {
  it('is no counter without the file, and keeps the credential sealed in it', () => {
    const dir = tempDir();
    expect(readCounterSettings(dir)).toBeNull();
    writeCounterSettings(dir, settings);
    expect(fs.readFileSync(counterFileIn(dir), 'utf8')).not.toContain(settings.link.credential);
    expect(fs.statSync(path.join(dir, 'comptoir-secrets.key')).mode & 0o777).toBe(0o600);
    expect(readCounterSettings(dir)).toEqual(settings);
  });

  it('says which sealer opens it, and when it is damaged', () => {
    const dir = tempDir();
    // Another key stands for the desktop app's keychain.
    const keychain = keyFileSealer(path.join(tempDir(), 'keychain.key'));
    writeCounterSettings(dir, settings, keychain);
    expect(readCounterSettings(dir, keychain)).toEqual(settings);
    expect(() => readCounterSettings(dir)).toThrow(/only the desktop app opens them/);

    fs.writeFileSync(counterFileIn(dir), '{"version":1');
    expect(() => readCounterSettings(dir)).toThrow(CounterSettingsError);
    expect(() => readCounterSettings(dir)).toThrow(/damaged: pair this counter again/);
  });
});
