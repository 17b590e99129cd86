// The envelope every cgminer reply shares: a STATUS section, one data section, "id":1, and the NUL byte the
// firmware sends after it. Also the "a+b" multi-command wrapper and the plain-text rendering.

import type { ReplyLayout } from './models.js';
import { toJson, toTextRecord } from './serialize.js';
import type { JsonQuirks, WireObject } from './serialize.js';

export type Severity = 'S' | 'I' | 'W' | 'E' | 'F';

export interface ApiReply {
  severity: Severity;
  code: number;
  msg: string;
  /** Data section ("SUMMARY", "STATS", ...), absent on errors. */
  section: { name: string; items: WireObject[] } | null;
}

export interface EnvelopeContext {
  whenS: number;
  /** STATUS "Description": "cgminer 1.0.0" on S19 stock firmware even though VERSION says BMMiner. */
  description: string;
  layout: ReplyLayout;
}

/** cgminer's text mode names these single-record sections before their fields ("SUMMARY,Elapsed=..."). */
const TEXT_PREFIXED_SECTIONS = new Set(['SUMMARY', 'VERSION', 'CONFIG']);

function statusRecord(reply: ApiReply, context: EnvelopeContext): WireObject {
  return {
    STATUS: reply.severity,
    When: context.whenS,
    Code: reply.code,
    Msg: reply.msg,
    Description: context.description,
  };
}

export function errorReply(code: number, msg: string): ApiReply {
  return { severity: 'E', code, msg, section: null };
}

function replyObject(reply: ApiReply, context: EnvelopeContext): WireObject {
  const object: WireObject = { STATUS: [statusRecord(reply, context)] };
  if (reply.section) object[reply.section.name] = reply.section.items;
  object.id = 1;
  return object;
}

export function replyToJson(reply: ApiReply, context: EnvelopeContext, quirks: JsonQuirks = {}): string {
  return toJson(replyObject(reply, context), quirks);
}

/** {"summary":[<whole summary reply>],"pools":[<whole pools reply>],"id":1} (PROTOCOLS.md "Multi-command"). */
export function multiReplyToJson(
  parts: ReadonlyArray<readonly [string, ApiReply]>,
  context: EnvelopeContext,
  quirks: JsonQuirks = {},
): string {
  const object: WireObject = {};
  for (const [name, reply] of parts) object[name] = [replyObject(reply, context)];
  object.id = 1;
  return toJson(object, quirks);
}

/**
 * cgminer's text reply: "STATUS=S,When=..,Code=..,Msg=..,Description=..|SUMMARY,Elapsed=..|". S19 bmminer also puts
 * a comma before every record after the first ("...|,POOL=1,URL=...|"), as seen in a real S19j Pro capture.
 */
export function replyToText(reply: ApiReply, context: EnvelopeContext): string {
  let text = `${toTextRecord(statusRecord(reply, context))}|`;
  if (!reply.section) return text;
  const prefix = TEXT_PREFIXED_SECTIONS.has(reply.section.name) ? `${reply.section.name},` : '';
  reply.section.items.forEach((item, index) => {
    const comma = index > 0 && context.layout === 's19' ? ',' : '';
    text += `${comma}${prefix}${toTextRecord(item)}|`;
  });
  return text;
}
