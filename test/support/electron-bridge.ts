import { createIpcEndpoint } from '../../electron/api/ipc-invoke';
import type { TransportCore } from '../../electron/core';
import type { ComptoirBridge } from '../../shared/api/bridge';

let windows = 0;

/**
 * The Electron transport without Electron: what the preload and electron/shell/ipc.ts do for
 * one window of its own, with the structured clone Electron applies to every message in both
 * directions.
 */
export function electronBridge(
  core: TransportCore,
  frameUrl = 'app://comptoir/index.html',
): ComptoirBridge {
  windows += 1;
  const client = `window:${windows}`;
  const endpoint = createIpcEndpoint(core);
  return {
    invoke: async (name, input, token) =>
      structuredClone(await endpoint.invoke(frameUrl, client, name, structuredClone(input), token)),
    subscribe: (event, listener) =>
      core.events.listen((name, payload) => {
        if (name === event && endpoint.mayReceive(client, name, payload)) {
          listener(structuredClone(payload));
        }
      }),
  };
}
