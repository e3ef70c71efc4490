import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPowerCycle } from '../../../electron/bank/power-cycle';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();

describe("the shop's power-cycle command", () => {
  it('runs the program with its arguments as they are: no shell reads them', async () => {
    const marker = path.join(tempDir(), 'touched');
    const argument = `$(touch ${marker}); echo cycled | tee ${marker}`;
    const output = await runPowerCycle({
      program: process.execPath,
      args: ['-e', 'console.log(process.argv[1])', argument],
    });
    expect(output).toBe(argument);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('fails with what the program said when it fails or cannot be found', async () => {
    await expect(
      runPowerCycle({
        program: process.execPath,
        args: ['-e', 'console.error("hub 1-1 not found"); process.exit(2)'],
      }),
    ).rejects.toThrow(/hub 1-1 not found/);
    await expect(
      runPowerCycle({ program: 'comptoir-no-such-power-switch', args: [] }),
    ).rejects.toThrow(/ENOENT/);
  });
});
