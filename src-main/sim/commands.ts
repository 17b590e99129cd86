// Turns a parsed request into the exact bytes a real rig would send back: a JSON reply (or a "+" multi-command
// reply) for a JSON request, cgminer's text format for a text request, each followed by the NUL byte firmware sends.

import { errorReply, multiReplyToJson, replyToJson, replyToText } from './reply-envelope.js';
import type { ApiReply, EnvelopeContext } from './reply-envelope.js';
import type { ReplyContext } from './reply-context.js';
import { configReply, devsReply, versionReply } from './reply-devices.js';
import { statsReply } from './reply-stats.js';
import { poolsReply, summaryReply } from './reply-summary.js';
import type { ParsedRequest } from './request.js';
import type { JsonQuirks } from './serialize.js';

export const COMMANDS: Readonly<Record<string, (context: ReplyContext) => ApiReply>> = {
  version: versionReply,
  summary: summaryReply,
  devs: devsReply,
  stats: statsReply,
  pools: poolsReply,
  config: configReply,
};

/** cgminer message codes (api.c): 14 "Invalid command", 23 "Invalid JSON", 24 "Missing JSON 'command'". */
const INVALID_COMMAND = (): ApiReply => errorReply(14, 'Invalid command');

export const NUL = '\0';

function single(command: string, context: () => ReplyContext): ApiReply {
  const build = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  return build ? build(context()) : INVALID_COMMAND();
}

/**
 * The reply to one request, NUL included, or null when there is nothing to answer (an empty request).
 * `context` is called lazily, at most once: error replies do not need to advance the physics.
 */
export function answerRequest(
  request: ParsedRequest,
  context: () => ReplyContext,
  envelope: EnvelopeContext,
  quirks: JsonQuirks,
): string | null {
  let built: ReplyContext | null = null;
  const once = (): ReplyContext => (built ??= context());
  switch (request.kind) {
    case 'empty':
      return null;
    case 'invalid-json':
      return replyToJson(errorReply(23, 'Invalid JSON'), envelope) + NUL;
    case 'missing-command':
      return replyToJson(errorReply(24, "Missing JSON 'command'"), envelope) + NUL;
    case 'text':
      // Joined commands are a JSON-only feature; cgminer treats "summary+pools" as text as an unknown command.
      return replyToText(single(request.command, once), envelope) + NUL;
    case 'json': {
      if (!request.command.includes('+')) return replyToJson(single(request.command, once), envelope, quirks) + NUL;
      const names = request.command.split('+').filter((name) => name !== '');
      const parts = names.map((name) => [name, single(name, once)] as const);
      return multiReplyToJson(parts, envelope, quirks) + NUL;
    }
  }
}
