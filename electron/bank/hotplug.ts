import fs, { type FSWatcher } from 'node:fs';

const resolved = async (paths: readonly string[]) =>
  new Map(
    await Promise.all(
      paths.map(
        async (path) => [path, await fs.promises.realpath(path).catch(() => path)] as const,
      ),
    ),
  );

export interface DeviceChange {
  added: string[];
  /** The names gone, and the devices they named (a by-id link can no longer be resolved). */
  removed: string[];
}

export interface SerialDeviceWatchOptions {
  /** The devices now (e.g. serialDevicePaths): compared with the previous look. */
  list(): Promise<readonly string[]>;
  /**
   * Folders whose changes mean a device came or went (Linux: /dev/serial/by-id,
   * /sys/class/tty); each change asks for a new look. A folder absent now is watched once it
   * exists. None elsewhere: the regular look is all there is.
   */
  folders: readonly string[];
  /** A new look this often anyway (a folder's events are not promised everywhere). */
  pollMs?: number;
  /** Events come in bursts (a stick brings several ports): one look once they settle. */
  settleMs?: number;
  onChange(change: DeviceChange): void;
}

/**
 * Notices serial devices plugged in and pulled out, within a look: the first look is the
 * starting point, each later one reports what came and went since.
 */
export function watchSerialDevices(options: SerialDeviceWatchOptions) {
  const pollMs = options.pollMs ?? 2000;
  const settleMs = options.settleMs ?? 100;
  const watchers = new Map<string, FSWatcher>();
  // Each name seen, with the device it resolved to.
  let known: Map<string, string> | null = null;
  let closed = false;
  let looking: Promise<void> | null = null;
  let lookAgain = false;
  let settle: ReturnType<typeof setTimeout> | null = null;
  let poll: ReturnType<typeof setTimeout> | null = null;

  async function lookOnce() {
    const previous = known;
    const listed = await options.list().catch(() => null);
    const now = listed ? await resolved(listed) : new Map(previous);
    if (closed) return;
    known = now;
    if (!previous) return;
    // A name now on another device (a by-id link moved between two looks) went and came.
    const moved = (path: string) => previous.has(path) && previous.get(path) !== now.get(path);
    const added = [...now.keys()].filter((path) => !previous.has(path) || moved(path));
    const devices = new Set(now.values());
    const removed = new Set<string>();
    for (const [path, device] of previous) {
      if (now.has(path) && !moved(path)) continue;
      removed.add(path);
      if (!devices.has(device)) removed.add(device);
    }
    if (added.length > 0 || removed.size > 0) options.onChange({ added, removed: [...removed] });
  }

  function look(): Promise<void> {
    if (looking) {
      lookAgain = true;
      return looking;
    }
    looking = (async () => {
      do {
        lookAgain = false;
        await lookOnce();
      } while (lookAgain && !closed);
    })().finally(() => {
      looking = null;
    });
    return looking;
  }

  function soon() {
    if (closed || settle) return;
    settle = setTimeout(() => {
      settle = null;
      void look();
    }, settleMs);
  }

  function watchFolders() {
    for (const folder of options.folders) {
      const watcher = watchers.get(folder);
      // A folder removed (by-id goes with the last device) is watched again once it is back.
      if (watcher && !fs.existsSync(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
      if (watchers.has(folder) || !fs.existsSync(folder)) continue;
      try {
        const started = fs.watch(folder, soon);
        started.on('error', () => {
          started.close();
          watchers.delete(folder);
        });
        watchers.set(folder, started);
      } catch {
        // Not watchable here: the regular look notices its changes.
      }
    }
  }

  function schedule() {
    if (closed) return;
    poll = setTimeout(() => {
      watchFolders();
      void look().finally(schedule);
    }, pollMs);
  }

  watchFolders();
  const ready = look().then(schedule);
  return {
    /** Resolves once the first look is taken: changes from then on are reported. */
    ready,
    close() {
      closed = true;
      if (settle) clearTimeout(settle);
      if (poll) clearTimeout(poll);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

export type SerialDeviceWatch = ReturnType<typeof watchSerialDevices>;
