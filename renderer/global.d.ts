import type { ComptoirBridge } from '../shared/api/bridge';

declare global {
  interface Window {
    /** Present only inside the Electron app, set by the preload. */
    comptoir?: ComptoirBridge;
  }
}
