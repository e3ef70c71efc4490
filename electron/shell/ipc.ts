import { type BrowserWindow, ipcMain } from 'electron';
import { ipcChannels } from '../../shared/api/bridge';
import { createIpcEndpoint } from '../api/ipc-invoke';
import type { TransportCore } from '../core';

const clientOf = (contentsId: number) => `window:${contentsId}`;

/**
 * Wires the Electron transport: calls in through the dispatcher, each window named as its own
 * client; events out to the window only while its session lasts and its user may hear them.
 */
export function wireIpc(
  core: TransportCore,
  window: () => BrowserWindow | null,
  devServerUrl?: string,
) {
  const endpoint = createIpcEndpoint(core, devServerUrl);
  ipcMain.handle(ipcChannels.invoke, (event, name: unknown, input: unknown, token: unknown) =>
    endpoint.invoke(event.senderFrame?.url, clientOf(event.sender.id), name, input, token),
  );
  return core.events.listen((name, payload) => {
    const target = window();
    if (target && endpoint.mayReceive(clientOf(target.webContents.id), name, payload)) {
      target.webContents.send(ipcChannels.event, name, payload);
    }
  });
}
