import fs, { type FSWatcher } from 'node:fs';

export interface DeviceChange {
  added: string[];
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
  let known: Set<string> | null = null;
  let closed = false;
  let looking: Promise<void> | null = null;
  let lookAgain = false;
  let settle: ReturnType<typeof setTimeout> | null = null;
  let poll: ReturnType<typeof setTimeout> | null = null;

  async function lookOnce() {
    const previous = known;
    const now = new Set(await options.list().catch(() => [...(previous ?? [])]));
    if (closed) return;
    known = now;
    if (!previous) return;
    const added = [...now].filter((path) => !previous.has(path));
    const removed = [...previous].filter((path) => !now.has(path));
    if (added.length > 0 || removed.length > 0) options.onChange({ added, removed });
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
