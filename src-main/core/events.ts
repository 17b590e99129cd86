// The engine's event bus: every service publishes here, every transport forwards from here. Typed by the contract so
// a service cannot publish an event the renderer does not know.
import type { EventData, EventName } from '../../src-shared/api/events.js';

export type AnyEventListener = (event: EventName, data: unknown) => void;

export class EngineEventBus {
  private readonly listeners = new Set<AnyEventListener>();

  emit<E extends EventName>(event: E, data: EventData<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, data);
      } catch (error) {
        // A broken subscriber (a closed socket) must not stop the others from hearing the event.
        console.error(`[events] a listener for ${event} failed:`, error);
      }
    }
  }

  subscribe(listener: AnyEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
