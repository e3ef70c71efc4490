import type { Logger } from '../log';

export interface IntegrityPolicy {
  /** The first full check comes this long after the start (the counter is busy opening). */
  firstAfterMs?: number;
  /** Then one every this long. */
  everyMs?: number;
  /** How often it is asked whether a check is due. */
  tickMs?: number;
}

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

/**
 * Runs SQLite's full check of the database after the start, then daily, by the clock passed in.
 * `check` answers what is damaged (empty when whole); damage found goes to `onDamage` once, and
 * the checks stop there: the shop is in safe mode until a restore reopens it.
 */
export function scheduleIntegrityChecks(
  check: () => Promise<string[]>,
  onDamage: (problems: string[]) => void,
  options: IntegrityPolicy & { now: () => Date; log: Pick<Logger, 'error'> },
) {
  const everyMs = options.everyMs ?? DAY;
  let dueAt = options.now().getTime() + (options.firstAfterMs ?? 5 * MINUTE);
  let stopped = false;
  let running: Promise<void> | null = null;
  const run = async () => {
    let problems: string[];
    try {
      problems = await check();
    } catch (error) {
      options.log.error('The database check could not run; it runs again at the next one', error);
      return;
    }
    if (problems.length === 0 || stopped) return;
    stop();
    onDamage(problems);
  };
  const tick = () => {
    if (running || options.now().getTime() < dueAt) return;
    dueAt = options.now().getTime() + everyMs;
    running = run().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(tick, options.tickMs ?? MINUTE);
  timer.unref();
  function stop() {
    stopped = true;
    clearInterval(timer);
  }
  return {
    /** Stops the schedule; a check under way is waited for, and its finding dropped. */
    async stop() {
      stop();
      await running;
    },
  };
}
