import type { CommandContext } from './command';

// Ctrl+C in a terminal reaches the whole process group, so `npm start` and this process may both
// pass it on: the first SIGINT/SIGTERM starts a clean stop, later ones must not cut it short.
export function waitForSignals(target: NodeJS.EventEmitter): CommandContext['signals'] {
  let received: Promise<string> | null = null;
  return {
    next: () => {
      // The listeners stay: a resolved promise ignores the later signals they receive.
      received ??= new Promise((resolve) => {
        target.on('SIGINT', resolve);
        target.on('SIGTERM', resolve);
      });
      return received;
    },
  };
}
