/**
 * The packaging hook sets Electron's fuses in the packaged binary. Checked on a file laid out
 * like an Electron binary (some bytes, the sentinel Electron marks its fuse wire with, the wire's
 * version, length and one byte per fuse), at the place electron-builder puts it on each system,
 * read back with @electron/fuses' own reader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import afterPack, { type PackedApp } from '../../../scripts/after-pack.mjs';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs('comptoir-fuses-');

const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// A fuse is one ASCII byte: '0' off, '1' on.
const off = 0x30;
const on = 0x31;
// Electron's defaults for the eight fuses the library names, and a ninth it does not know yet.
const shippedWire = [on, off, on, on, off, off, off, on, on];
const before = Buffer.from('\x7fELF then a great deal of Electron');
const after = Buffer.from('and the rest of the binary');

function fakeElectron(file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const wire = Buffer.from([1, shippedWire.length, ...shippedWire]);
  fs.writeFileSync(file, Buffer.concat([before, Buffer.from(sentinel), wire, after]));
}

function packed(platform: string, appOutDir: string, arch = 1): PackedApp {
  return {
    appOutDir,
    electronPlatformName: platform,
    arch,
    packager: { executableName: 'comptoir', appInfo: { productFilename: 'Comptoir' } },
  };
}

async function fuses(file: string) {
  const wire = (await getCurrentFuseWire(file)) as unknown as Record<number, number>;
  return {
    runAsNode: wire[FuseV1Options.RunAsNode],
    cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
    nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
    inspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
    asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
    onlyAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
    untouched: [6, 7, 8].map((index) => wire[index]),
  };
}

const hardened = {
  runAsNode: off,
  cookieEncryption: on,
  nodeOptions: off,
  inspect: off,
  onlyAsar: on,
  untouched: [off, on, on],
};

describe('Electron fuses set when packaging', () => {
  it('on Linux: no Node mode, app.asar only, cookies encrypted; no integrity fuse Electron does not check there', async () => {
    const dir = tempDir();
    const binary = path.join(dir, 'comptoir');
    fakeElectron(binary);
    await afterPack(packed('linux', dir));
    expect(await fuses(binary)).toEqual({ ...hardened, asarIntegrity: off });
    const bytes = fs.readFileSync(binary);
    expect(bytes.subarray(0, before.length).equals(before)).toBe(true);
    expect(bytes.subarray(bytes.length - after.length).equals(after)).toBe(true);
  });

  it('on Windows, the asar is also checked against its embedded hash', async () => {
    const dir = tempDir();
    const binary = path.join(dir, 'Comptoir.exe');
    fakeElectron(binary);
    await afterPack(packed('win32', dir));
    expect(await fuses(binary)).toEqual({ ...hardened, asarIntegrity: on });
  });

  it('on macOS, in the Electron Framework inside the app bundle', async () => {
    const dir = tempDir();
    const framework = path.join(
      dir,
      'Comptoir.app',
      'Contents',
      'Frameworks',
      'Electron Framework.framework',
      'Electron Framework',
    );
    fakeElectron(framework);
    await afterPack(packed('darwin', dir));
    expect(await fuses(path.join(dir, 'Comptoir.app'))).toEqual({ ...hardened, asarIntegrity: on });
  });

  it('fails the packaging when the binary has no fuse wire, rather than ship it unfused', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'comptoir'), 'not an Electron binary');
    await expect(afterPack(packed('linux', dir))).rejects.toThrow(/sentinel/);
  });

  it('is the hook electron-builder runs', () => {
    const config = fs.readFileSync(
      path.resolve(__dirname, '../../../electron-builder.yml'),
      'utf8',
    );
    expect(config).toMatch(/^afterPack: \.\/scripts\/after-pack\.mjs$/m);
  });
});
