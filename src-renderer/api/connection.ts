import type { Transport } from '../../src-shared/api/index.js';

/**
 * What the header shows about the link to the engine. 'unauthorized' is final: retrying with the same token cannot
 * succeed, so the UI asks for a fresh link instead of spinning.
 */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'unauthorized';

/** A transport plus what the UI needs to know about the link under it. */
export interface EngineConnection extends Transport {
  readonly kind: 'ipc' | 'ws';
  getState(): ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  /** Opens the link. Separate from construction so listeners can be attached first and no transition is missed. */
  connect(): void;
}
