// The cgminer-compatible API of a simulated BOSminer: one parsed request in, the reply bytes out (NUL-terminated, as
// the shared connection handling expects). Commands are the ones Braiins documents (Development/1_api.rst) that a
// monitor uses; "a+b" multi-commands are answered as {"a":[<a's reply>],"b":[<b's reply>],"id":1} (the docs show
// `{"command":"version+config"}`). Unknown commands get cgminer's STATUS E code 14 "Invalid command" (api.c);
// BOSminer's own wording for it is not documented. Text-format ("cmd|param") requests are answered in JSON: the
// Braiins docs only ever show JSON requests, and BOSminer's text mode is unverified.
import type { ParsedRequest } from '../request.js';
import { toJson } from '../serialize.js';
import type { WireObject } from '../serialize.js';
import {
  devdetailsReply,
  fansReply,
  pauseReply,
  resumeReply,
  tempctrlReply,
  tempsReply,
  tunerstatusReply,
  versionReply,
} from './replies-hardware.js';
import { devsReply, poolsReply, summaryReply } from './replies-mining.js';
import { replyObject } from './reply-context.js';
import type { BosReply, BosReplyContext } from './reply-context.js';

export interface BosApiHandlers {
  /** The rig advanced to now, built lazily at most once per request. */
  context(): BosReplyContext;
  pause(): void;
  resume(): void;
  whenS(): number;
  description(): string;
}

const READERS: Readonly<Record<string, (context: BosReplyContext) => BosReply>> = {
  version: versionReply,
  summary: summaryReply,
  pools: poolsReply,
  devs: devsReply,
  edevs: devsReply,
  devdetails: devdetailsReply,
  temps: tempsReply,
  fans: fansReply,
  tempctrl: tempctrlReply,
  tunerstatus: tunerstatusReply,
};

const NUL = '\0';

function errorReply(code: number, msg: string): BosReply {
  return { severity: 'E', code, msg, section: null };
}

function single(command: string, handlers: BosApiHandlers, context: () => BosReplyContext): BosReply {
  if (command === 'pause') {
    handlers.pause();
    return pauseReply();
  }
  if (command === 'resume') {
    handlers.resume();
    return resumeReply();
  }
  const build = Object.hasOwn(READERS, command) ? READERS[command] : undefined;
  return build ? build(context()) : errorReply(14, 'Invalid command');
}

export function answerBosRequest(request: ParsedRequest, handlers: BosApiHandlers): string | null {
  let built: BosReplyContext | null = null;
  const context = (): BosReplyContext => (built ??= handlers.context());
  const wrap = (reply: BosReply): WireObject => replyObject(reply, handlers.whenS(), handlers.description());
  switch (request.kind) {
    case 'empty':
      return null;
    case 'invalid-json':
      return toJson(wrap(errorReply(23, 'Invalid JSON'))) + NUL;
    case 'missing-command':
      return toJson(wrap(errorReply(24, "Missing JSON 'command'"))) + NUL;
    case 'text':
    case 'json': {
      const command = request.command.trim().toLowerCase();
      if (!command.includes('+')) return toJson(wrap(single(command, handlers, context))) + NUL;
      const object: WireObject = {};
      for (const name of command.split('+').filter((part) => part !== '')) {
        object[name] = [wrap(single(name, handlers, context))];
      }
      object.id = 1;
      return toJson(object) + NUL;
    }
  }
}
