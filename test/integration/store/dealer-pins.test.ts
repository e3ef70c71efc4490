import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createDealerPins,
  DealerPinFileError,
  keyFileSealer,
} from '../../../electron/store/dealer-pins';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();

function files() {
  const dir = tempDir();
  return { pins: path.join(dir, 'shop.dealer-pins.json'), key: path.join(dir, 'secrets.key') };
}

describe('dealer PINs at rest', () => {
  it('keeps a PIN sealed in an owner-only file, and opens it again after a restart', () => {
    const { pins: file, key } = files();
    const pins = createDealerPins(file, keyFileSealer(key));
    pins.set('modem-1', '80417');
    const stored = fs.readFileSync(file, 'utf8');
    expect(stored).not.toContain('80417');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(key).mode & 0o777).toBe(0o600);

    const reopened = createDealerPins(file, keyFileSealer(key));
    expect(reopened.has('modem-1')).toBe(true);
    expect(reopened.get('modem-1')).toBe('80417');
    expect(reopened.get('modem-2')).toBeUndefined();
  });

  it('seals the same PIN differently each time (no PIN guessable by comparing files)', () => {
    const { pins: file, key } = files();
    const pins = createDealerPins(file, keyFileSealer(key));
    pins.set('modem-1', '1234');
    const first = fs.readFileSync(file, 'utf8');
    pins.set('modem-1', '1234');
    expect(fs.readFileSync(file, 'utf8')).not.toBe(first);
  });

  it('does not open with another key, and forgets a removed modem', () => {
    const { pins: file, key } = files();
    createDealerPins(file, keyFileSealer(key)).set('modem-1', '80417');
    const otherKey = path.join(path.dirname(key), 'other.key');
    const withOtherKey = createDealerPins(file, keyFileSealer(otherKey));
    expect(withOtherKey.has('modem-1')).toBe(true);
    expect(withOtherKey.get('modem-1')).toBeUndefined();

    const pins = createDealerPins(file, keyFileSealer(key));
    pins.remove('modem-1');
    expect(pins.has('modem-1')).toBe(false);
    expect(createDealerPins(file, keyFileSealer(key)).has('modem-1')).toBe(false);
  });

  it('refuses a damaged file or key rather than starting without PINs', () => {
    const { pins: file, key } = files();
    fs.writeFileSync(file, '{"version":1,"pins":');
    expect(() => createDealerPins(file, keyFileSealer(key))).toThrow(DealerPinFileError);
    fs.writeFileSync(file, '{"version":2,"pins":{}}');
    expect(() => createDealerPins(file, keyFileSealer(key))).toThrow(/is damaged/);
    fs.writeFileSync(key, 'short');
    expect(() => keyFileSealer(key)).toThrow(/32-byte key/);
  });
});
