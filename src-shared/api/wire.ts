import { z } from 'zod';
import { ApiErrorSchema } from './errors.js';

/**
 * The WebSocket messages (and the IPC payloads, which carry the same shapes). Requests are checked here for shape;
 * the method's own params schema is checked by the dispatcher.
 */
export const RequestMessageSchema = z
  .object({
    id: z.union([z.number().int(), z.string().max(64)]),
    method: z.string().min(1).max(64),
    params: z.unknown().optional(),
  })
  .strict();
export type RequestMessage = z.infer<typeof RequestMessageSchema>;

export const ResponseMessageSchema = z.union([
  z.object({ id: z.union([z.number(), z.string()]).nullable(), result: z.unknown() }),
  z.object({ id: z.union([z.number(), z.string()]).nullable(), error: ApiErrorSchema }),
]);
export type ResponseMessage =
  | { id: number | string | null; result: unknown }
  | {
      id: number | string | null;
      error: z.infer<typeof ApiErrorSchema>;
    };

export const EventMessageSchema = z.object({ event: z.string(), data: z.unknown() });
export type EventMessage = z.infer<typeof EventMessageSchema>;

/** The WebSocket path on the headless server; the token travels as a subprotocol, never in the URL. */
export const WS_PATH = '/api';
export const WS_PROTOCOL = 'rigwise.v1';
export const WS_TOKEN_PROTOCOL_PREFIX = 'rigwise.token.';
/** Requests and events larger than this are refused unread: no legitimate message comes close. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

/** Electron IPC: one channel for requests (invoke/handle), one for events (main -> renderer). */
export const IPC_CHANNELS = { request: 'rigwise:invoke', event: 'rigwise:event' } as const;
