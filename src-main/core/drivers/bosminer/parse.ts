// BOSminer's cgminer-compatible replies, one command at a time, as values. The JSON itself goes through the shared
// lenient parser (cgminer/parse.ts); what differs is the STATUS handling: BOSminer answers some commands with
// Msg "Unavailable" while mining is paused (pyasic pyasic/miners/backends/braiins_os.py::is_mining reads
// devdetails STATUS[0].Msg == "Unavailable" as "not mining"), which is a state to report, not an error.
// Multi-command replies ("summary+pools") are keyed by command, each holding a one-element array with that command's
// whole reply (PROTOCOLS.md A1 "Multi-command"; Braiins docs show `{"command":"version+config"}`:
// tgr-braiins/braiins-os-docs braiins-os-plus-en/source/Development/1_api.rst).
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { JsonObject } from '../cgminer/parse.js';
import { parseLenientJson } from '../cgminer/parse.js';
import { firstEntry, isObject, stringField } from '../fields.js';

export type SectionOutcome =
  | { kind: 'ok'; reply: JsonObject }
  | { kind: 'unavailable'; reply: JsonObject }
  | { kind: 'error'; error: RigwiseError };

/** The commands one read asks for, in the order they are joined into a multi-command. */
export const READ_COMMANDS = ['summary', 'pools', 'devs', 'devdetails', 'temps', 'fans', 'tunerstatus'] as const;
export type ReadCommand = (typeof READ_COMMANDS)[number];

export function sectionOutcome(reply: JsonObject): SectionOutcome {
  const status = firstEntry(reply, 'STATUS');
  const severity = stringField(status?.['STATUS'], 4) ?? (typeof reply['STATUS'] === 'string' ? reply['STATUS'] : '');
  const message = stringField(status?.['Msg'], 120) ?? '';
  if (message.trim().toLowerCase() === 'unavailable') return { kind: 'unavailable', reply };
  if (severity === 'E' || severity === 'F') {
    const text = message.length > 0 ? message : 'no message';
    return { kind: 'error', error: new RigwiseError('RIG_ERROR', `The rig refused the command: ${text}.`) };
  }
  return { kind: 'ok', reply };
}

/** One command's reply text as an outcome. */
export function parseSection(raw: string): SectionOutcome {
  const parsed = parseLenientJson(raw);
  return parsed.ok ? sectionOutcome(parsed.value) : { kind: 'error', error: parsed.error };
}

/** True when the text is a multi-command reply that contains at least one of the commands. */
export function isMultiReply(reply: JsonObject, commands: readonly string[]): boolean {
  return commands.some((command) => Array.isArray(reply[command]) || isObject(reply[command]));
}

export function splitMultiReply<C extends string>(reply: JsonObject, commands: readonly C[]): Map<C, SectionOutcome> {
  const parts = new Map<C, SectionOutcome>();
  for (const command of commands) {
    const section = reply[command.toLowerCase()];
    const inner: unknown = Array.isArray(section) ? section[0] : section;
    parts.set(
      command,
      isObject(inner)
        ? sectionOutcome(inner)
        : { kind: 'error', error: new RigwiseError('RIG_BAD_REPLY', `The rig's reply has no "${command}" part.`) },
    );
  }
  return parts;
}

/** The reply of an ok or unavailable section; null for an error. */
export function replyOf(outcome: SectionOutcome | undefined): JsonObject | null {
  return outcome && outcome.kind !== 'error' ? outcome.reply : null;
}
