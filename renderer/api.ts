import { ipcTransport } from '../shared/api/bridge';
import { createClient } from '../shared/api/client';
import { httpTransport } from '../shared/api/http-transport';

/** The one client every screen uses; which transport is under it is decided here only. */
export const api = createClient(
  window.comptoir
    ? ipcTransport(window.comptoir)
    : httpTransport({ baseUrl: window.location.origin }),
);
