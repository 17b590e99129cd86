// Several firmwares answer the CGMiner API on TCP 4028; the `version` reply tells them apart. The markers and their
// order are pyasic's (`pyasic/miners/factory.py::_parse_socket_type`, PROTOCOLS.md section C): BOSminer first, then
// btminer (Whatsminer), else a plain cgminer/bmminer build (Antminer stock, Avalon, TeamRedMiner, ...).
import type { JsonObject } from './parse.js';

export type CgminerFlavour = 'bosminer' | 'whatsminer' | 'cgminer';

const MAX_TEXT = 8192;

/**
 * The identity text of a reply: keys and string values of its sections, two levels deep. Walked rather than
 * stringified, so a hostile reply nested thousands of levels deep costs nothing and cannot overflow the stack.
 */
function identityText(reply: JsonObject): string {
  const parts: string[] = [];
  let length = 0;
  const add = (text: string): void => {
    if (length < MAX_TEXT) {
      parts.push(text);
      length += text.length;
    }
  };
  for (const [section, value] of Object.entries(reply)) {
    add(section);
    const rows: unknown[] = Array.isArray(value) ? value.slice(0, 4) : [value];
    for (const row of rows) {
      if (typeof row === 'string') add(row);
      if (typeof row !== 'object' || row === null || Array.isArray(row)) continue;
      for (const [key, field] of Object.entries(row)) {
        add(key);
        if (typeof field === 'string') add(field);
      }
    }
  }
  return parts.join(' ').slice(0, MAX_TEXT).toUpperCase();
}

export function cgminerFlavour(versionReply: JsonObject): CgminerFlavour {
  const text = identityText(versionReply);
  if (text.includes('BOSMINER') || text.includes('BOSER')) return 'bosminer';
  if (text.includes('BTMINER') || text.includes('BITMICRO')) return 'whatsminer';
  return 'cgminer';
}
