/** The hot-plug watcher on a folder of links to files standing for devices, as udev's by-id. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type DeviceChange, watchSerialDevices } from '../../../electron/bank/hotplug';
import { serialDevicePaths } from '../../../electron/bank/ports';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';

const tempDir = withTempDirs();
const closes: (() => void)[] = [];
afterEach(() => {
  for (const close of closes.splice(0)) close();
});

function devices() {
  const dir = tempDir();
  const byId = path.join(dir, 'by-id');
  fs.mkdirSync(byId);
  return {
    byId,
    plug(name: string, tty: string) {
      fs.writeFileSync(path.join(dir, tty), '');
      fs.symlinkSync(path.join(dir, tty), path.join(byId, name));
      return { link: path.join(byId, name), device: fs.realpathSync(path.join(dir, tty)) };
    },
    pull(name: string) {
      const link = path.join(byId, name);
      const device = fs.realpathSync(link);
      fs.rmSync(link);
      fs.rmSync(device);
    },
  };
}

function watch(byId: string, pollMs: number) {
  const changes: DeviceChange[] = [];
  const watcher = watchSerialDevices({
    list: () => serialDevicePaths(byId, async () => []),
    folders: [byId],
    pollMs,
    settleMs: 20,
    onChange: (change) => changes.push(change),
  });
  closes.push(watcher.close);
  return { watcher, changes };
}

describe('the hot-plug watcher', () => {
  it('reports sticks plugged in and pulled out, the latter with the device they were', async () => {
    const folder = devices();
    const first = folder.plug('usb-Quectel_EC25-if02-port0', 'ttyUSB0');
    // A look every minute: the folder's own events are what is heard here.
    const { watcher, changes } = watch(folder.byId, 60_000);
    await watcher.ready;

    const second = folder.plug('usb-SIMCOM_SIM7600-if02-port0', 'ttyUSB1');
    await until(
      () => changes.length,
      (count) => count === 1,
      'the plug-in',
    );
    expect(changes[0]).toEqual({ added: [second.link], removed: [] });

    folder.pull('usb-Quectel_EC25-if02-port0');
    await until(
      () => changes.length,
      (count) => count === 2,
      'the pull-out',
    );
    expect(changes[1]).toEqual({ added: [], removed: [first.link, first.device] });
  });

  it('reports a by-id link moved to another device between two looks as gone and back', async () => {
    const folder = devices();
    const before = folder.plug('usb-Quectel_EC25-if02-port0', 'ttyUSB0');
    const { watcher, changes } = watch(folder.byId, 60_000);
    await watcher.ready;
    const after = path.join(path.dirname(before.device), 'ttyUSB3');
    fs.writeFileSync(after, '');
    fs.rmSync(before.link);
    fs.rmSync(before.device);
    fs.symlinkSync(after, before.link);
    await until(
      () => changes.length,
      (count) => count >= 1,
      'the move',
    );
    expect(changes.at(-1)).toEqual({ added: [before.link], removed: [before.link, before.device] });
  });

  it('notices a change by its regular look where folder events do not come', async () => {
    const folder = devices();
    // Watching no folder at all, as on Windows and macOS: only the look every 100 ms.
    const changes: DeviceChange[] = [];
    const watcher = watchSerialDevices({
      list: () => serialDevicePaths(folder.byId, async () => []),
      folders: [],
      pollMs: 100,
      onChange: (change) => changes.push(change),
    });
    closes.push(watcher.close);
    await watcher.ready;
    const stick = folder.plug('usb-Quectel_EC25-if02-port0', 'ttyUSB0');
    await until(
      () => changes,
      (seen) => seen.length === 1,
      'the plug-in',
    );
    expect(changes).toEqual([{ added: [stick.link], removed: [] }]);
  });

  it('says nothing while nothing changes, and nothing after it is closed', async () => {
    const folder = devices();
    folder.plug('usb-Quectel_EC25-if02-port0', 'ttyUSB0');
    const { watcher, changes } = watch(folder.byId, 50);
    await watcher.ready;
    await new Promise((resolve) => setTimeout(resolve, 200));
    watcher.close();
    folder.plug('usb-SIMCOM_SIM7600-if02-port0', 'ttyUSB1');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(changes).toEqual([]);
  });
});
