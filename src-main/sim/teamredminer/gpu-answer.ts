// Turns one API request into the bytes a GPU miner sends back. Read commands come from gpu-replies.ts; privileged
// pool commands and restart exist only on an sgminer build with W: access (cgminer api.c: 45 "Access denied to '%s'
// command" otherwise). TeamRedMiner's API is read-only (its README); the simulator answers its unimplemented write
// commands with cgminer's 14 "Invalid command" (an assumption: no capture shows what it sends). Restart answers
// cgminer's bare JSON `{"RESTART","id":1}` (JSON_START JSON_RESTART JSON_END in api.c: not valid JSON).
import { NUL } from '../commands.js';
import {
  errorReply,
  multiReplyToJson,
  replyToJson,
  replyToText,
  type ApiReply,
  type EnvelopeContext,
} from '../reply-envelope.js';
import type { ParsedRequest } from '../request.js';
import { configReply, devsReply, poolsReply, summaryReply, versionReply, type GpuReplyInput } from './gpu-replies.js';

export interface GpuAnswerContext {
  input: GpuReplyInput;
  privilegedAccess: boolean;
  restart: () => void;
}

const READ_COMMANDS: Readonly<Record<string, (input: GpuReplyInput) => ApiReply>> = {
  version: versionReply,
  summary: summaryReply,
  devs: devsReply,
  pools: poolsReply,
  config: configReply,
};

const POOL_COMMANDS = ['addpool', 'poolpriority', 'switchpool', 'removepool', 'enablepool', 'disablepool'] as const;
type PoolCommand = (typeof POOL_COMMANDS)[number];
const PRIVILEGED = new Set<string>([...POOL_COMMANDS, 'restart', 'privileged', 'quit', 'save']);

function isPoolCommand(command: string): command is PoolCommand {
  return (POOL_COMMANDS as readonly string[]).includes(command);
}

function envelope(context: GpuAnswerContext): EnvelopeContext {
  // `layout` only chooses the S19's extra comma in text mode; a GPU miner prints cgminer's plain text format.
  return { whenS: context.input.whenS, description: context.input.flavour.description, layout: 's17' };
}

/** TeamRedMiner sends JSON-escaped slashes in pool URLs ("stratum+tcp:\/\/"), as its captured pools reply shows. */
function escapeSlashes(json: string, context: GpuAnswerContext): string {
  if (context.input.flavour.kind !== 'teamredminer') return json;
  return json.replace(/"URL":"((?:[^"\\]|\\.)*)"/g, (_match, url: string) => `"URL":"${url.replaceAll('/', '\\/')}"`);
}

function single(command: string, parameter: string | null, context: GpuAnswerContext): ApiReply | 'restart' {
  const read = Object.hasOwn(READ_COMMANDS, command) ? READ_COMMANDS[command] : undefined;
  if (read) return read(context.input);
  if (!PRIVILEGED.has(command) || context.input.flavour.kind === 'teamredminer')
    return errorReply(14, 'Invalid command');
  if (!context.privilegedAccess) return errorReply(45, `Access denied to '${command}' command`);
  if (command === 'privileged') return { severity: 'S', code: 46, msg: 'Privileged access OK', section: null };
  if (command === 'restart') return 'restart';
  if (isPoolCommand(command)) return context.input.pools[command](parameter);
  return errorReply(14, 'Invalid command');
}

export function answerGpuRequest(request: ParsedRequest, context: GpuAnswerContext): string | null {
  const env = envelope(context);
  switch (request.kind) {
    case 'empty':
      return null;
    case 'invalid-json':
      return replyToJson(errorReply(23, 'Invalid JSON'), env) + NUL;
    case 'missing-command':
      return replyToJson(errorReply(24, "Missing JSON 'command'"), env) + NUL;
    case 'text': {
      const reply = single(request.command, request.parameter, context);
      if (reply !== 'restart') return replyToText(reply, env) + NUL;
      context.restart();
      return `RESTART${NUL}`;
    }
    case 'json': {
      if (request.command.includes('+')) {
        // Only read commands join (cgminer's cmds table marks the privileged ones not joinable).
        const names = request.command.split('+').filter((name) => name !== '');
        const parts = names.map((name): [string, ApiReply] => {
          const read = Object.hasOwn(READ_COMMANDS, name) ? READ_COMMANDS[name] : undefined;
          return [name, read ? read(context.input) : errorReply(14, 'Invalid command')];
        });
        return escapeSlashes(multiReplyToJson(parts, env), context) + NUL;
      }
      const reply = single(request.command, request.parameter, context);
      if (reply !== 'restart') return escapeSlashes(replyToJson(reply, env), context) + NUL;
      context.restart();
      return `{"RESTART","id":1}${NUL}`;
    }
  }
}
