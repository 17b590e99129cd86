import type { Transport } from '../../src-shared/api/client.js';

declare global {
  interface Window {
    /**
     * The Electron preload's contextBridge object: exactly the contract's Transport (`invoke` and `subscribe`), so the
     * renderer gets no more power over the main process than the headless WebSocket client has. Absent in a browser.
     */
    readonly rigwise?: Transport;
  }
}

export {};
