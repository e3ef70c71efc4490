import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  certificateFileName,
  fingerprintOf,
  hubCertificate,
  keyFileName,
} from '../../../electron/counters/certificate';
import { fingerprintGroups, fingerprintSchema } from '../../../shared/counters';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();

describe('the hub’s certificate', () => {
  it('is made on first use, owner-only, and the same one afterwards', async () => {
    const folder = path.join(tempDir(), 'shop');
    const made = await hubCertificate(folder);
    expect(fingerprintSchema.parse(made.fingerprint)).toBe(made.fingerprint);
    expect(fingerprintOf(fs.readFileSync(path.join(folder, certificateFileName)))).toBe(
      made.fingerprint,
    );
    if (process.platform !== 'win32') {
      for (const file of [certificateFileName, keyFileName]) {
        expect(fs.statSync(path.join(folder, file)).mode & 0o777).toBe(0o600);
      }
    }
    expect((await hubCertificate(folder)).fingerprint).toBe(made.fingerprint);
    expect(fingerprintGroups(made.fingerprint)).toHaveLength(16);
    expect(fingerprintGroups(made.fingerprint).join('')).toBe(made.fingerprint);
  });

  it('is made anew when its key is damaged or belongs to another certificate', async () => {
    const folder = tempDir();
    const first = await hubCertificate(folder);
    fs.writeFileSync(path.join(folder, keyFileName), 'not a key');
    const second = await hubCertificate(folder);
    expect(second.fingerprint).not.toBe(first.fingerprint);
    const other = tempDir();
    await hubCertificate(other);
    fs.copyFileSync(path.join(other, keyFileName), path.join(folder, keyFileName));
    expect((await hubCertificate(folder)).fingerprint).not.toBe(second.fingerprint);
  });
});
