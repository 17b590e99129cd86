import { EngineEvents, isEventName } from '../../src-shared/api/index.js';

type EventListener = (event: string, data: unknown) => void;

/**
 * Parse at the edge: wraps an event listener so it only ever sees events the contract names, with data that passed
 * that event's schema. Anything else is dropped with a warning rather than crashing a store reducer later. Unknown
 * event names are warned about once each, since a newer engine may legitimately send events this renderer predates.
 */
export function validatingListener(
  listener: EventListener,
  warn: (message: string, detail?: unknown) => void = console.warn,
): EventListener {
  const unknownNamesSeen = new Set<string>();
  return (event, data) => {
    if (!isEventName(event)) {
      if (!unknownNamesSeen.has(event)) warn(`Rigwise: ignoring unknown engine event "${event}"`);
      unknownNamesSeen.add(event);
      return;
    }
    const parsed = EngineEvents[event].safeParse(data);
    if (!parsed.success) {
      warn(`Rigwise: dropped an invalid "${event}" event`, parsed.error.issues.slice(0, 3));
      return;
    }
    listener(event, parsed.data);
  };
}
