// Turns the text a CGMiner-family rig sent into a JSON object, or a typed error. Real firmwares send text that is not
// quite JSON; the repairs below are the ones pyasic found necessary in the field (pyasic/rpc/base.py::_load_api_data),
// each tried only after strict parsing failed, so well-formed replies are never altered.
import { RigwiseError } from '../../../../src-shared/api/errors.js';

export type JsonObject = Record<string, unknown>;
export type ParseOutcome = { ok: true; value: JsonObject } | { ok: false; error: RigwiseError };

const REPAIRS: ReadonlyArray<readonly [RegExp, string]> = [
  // bmminer: "}{" between array members instead of "},{".
  [/\}\s*\{/g, '},{'],
  // bmminer: "[,{" at the start of an array.
  [/\[\s*,\s*\{/g, '[{'],
  // btminer: a comma before a closing brace.
  [/,\s*\}/g, '}'],
  [/,\s*\]/g, ']'],
  // btminer 2023-01-06: a missing comma between two string members ("...""temp0").
  [/""(?=[A-Za-z_])/g, '","'],
  // Avalon: bare inf/nan are not JSON.
  [/"?\b(?:-?inf|nan)\b"?/gi, '0'],
  // Whatsminer: "'20200917.22.REL'" carries a backslash-apostrophe, an invalid JSON escape.
  [/\\'/g, "'"],
];

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tryParse(text: string): JsonObject | null {
  if (text.length === 0) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** Strips NULs, line breaks (btminer) and anything after the last closing brace (trailing garbage bytes). */
function trimToJson(raw: string): string {
  const text = raw
    .replaceAll('\u0000', '')
    .replace(/[\r\n]+/g, ' ')
    .trim();
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1 || end < start) return text;
  return text.slice(start, end + 1);
}

export function parseLenientJson(raw: string): ParseOutcome {
  // Most replies are valid JSON once the transport has cut the NUL: parse them as they are, with no copying.
  const direct = tryParse(raw);
  if (direct) return { ok: true, value: direct };
  const text = trimToJson(raw);
  if (text.length === 0) {
    return { ok: false, error: new RigwiseError('RIG_BAD_REPLY', 'The rig sent an empty reply.') };
  }
  const strict = tryParse(text);
  if (strict) return { ok: true, value: strict };
  let repaired = text;
  for (const [pattern, replacement] of REPAIRS) repaired = repaired.replace(pattern, replacement);
  const lenient = tryParse(repaired);
  if (lenient) return { ok: true, value: lenient };
  const preview = JSON.stringify(text.slice(0, 60));
  return {
    ok: false,
    error: new RigwiseError('RIG_BAD_REPLY', `The rig's reply is not JSON, even after repairs: ${preview}…`),
  };
}

/**
 * The STATUS section (cgminer API-README, API >= 1.4): S and I are success, W a warning we accept, E and F errors.
 * Whatsminer sends STATUS as a string instead of an array; both shapes are read.
 */
export function statusProblem(reply: JsonObject): RigwiseError | null {
  const section = reply['STATUS'];
  const entry: unknown = Array.isArray(section) ? section[0] : section;
  let code: unknown = entry;
  let message: unknown = '';
  if (isJsonObject(entry)) {
    code = entry['STATUS'];
    message = entry['Msg'] ?? entry['Description'] ?? '';
  }
  if (code === 'E' || code === 'F') {
    const text = typeof message === 'string' && message.length > 0 ? message : 'no message';
    return new RigwiseError('RIG_ERROR', `The rig refused the command: ${text}.`);
  }
  return null;
}

/** Parses a reply and rejects STATUS=E/F: what every single command goes through. */
export function parseCgminerReply(raw: string): ParseOutcome {
  const parsed = parseLenientJson(raw);
  if (!parsed.ok) return parsed;
  const problem = statusProblem(parsed.value);
  return problem ? { ok: false, error: problem } : parsed;
}

/**
 * A multi-command reply (`{"command":"summary+pools"}`) is keyed by each command in lower case, each holding a
 * one-element array with that command's whole reply (PROTOCOLS.md, A1 "Multi-command").
 */
export function splitMultiReply(reply: JsonObject, commands: readonly string[]): Map<string, ParseOutcome> {
  const parts = new Map<string, ParseOutcome>();
  for (const command of commands) {
    const section = reply[command.toLowerCase()];
    const inner: unknown = Array.isArray(section) ? section[0] : section;
    if (!isJsonObject(inner)) {
      parts.set(command, {
        ok: false,
        error: new RigwiseError('RIG_BAD_REPLY', `The rig's reply has no "${command}" part.`),
      });
      continue;
    }
    const problem = statusProblem(inner);
    parts.set(command, problem ? { ok: false, error: problem } : { ok: true, value: inner });
  }
  return parts;
}
