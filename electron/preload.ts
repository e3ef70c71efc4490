import { contextBridge, ipcRenderer } from 'electron';
import { type ComptoirBridge, ipcChannels } from '../shared/api/bridge';

// The renderer gets these two functions and nothing else of Electron or Node.
const bridge: ComptoirBridge = {
  invoke: (name, input, token) => ipcRenderer.invoke(ipcChannels.invoke, name, input, token),
  subscribe(event, listener) {
    const forward = (_: unknown, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(ipcChannels.event, forward);
    return () => {
      ipcRenderer.off(ipcChannels.event, forward);
    };
  },
};

contextBridge.exposeInMainWorld('comptoir', bridge);
