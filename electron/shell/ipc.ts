import { type BrowserWindow, ipcMain } from 'electron';
import { ipcChannels } from '../../shared/api/bridge';
import { answerIpcInvoke } from '../api/ipc-invoke';
import type { Core } from '../core';

/** Wires the Electron transport: calls in through the dispatcher, events out to the window. */
export function wireIpc(core: Core, window: () => BrowserWindow | null, devServerUrl?: string) {
  ipcMain.handle(ipcChannels.invoke, (event, name: unknown, input: unknown, token: unknown) =>
    answerIpcInvoke(core.dispatch, event.senderFrame?.url, name, input, token, devServerUrl),
  );
  return core.events.listen((name, payload) => {
    window()?.webContents.send(ipcChannels.event, name, payload);
  });
}
