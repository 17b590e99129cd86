// Several firmwares answer the CGMiner API on TCP 4028; the `version` reply tells them apart. The markers and their
// order are pyasic's (`pyasic/miners/factory.py::_parse_socket_type`, PROTOCOLS.md section C): BOSminer first, then
// btminer (Whatsminer), else a plain cgminer/bmminer build (Antminer stock, Avalon, TeamRedMiner, ...).
import type { JsonObject } from './parse.js';

export type CgminerFlavour = 'bosminer' | 'whatsminer' | 'cgminer';

export function cgminerFlavour(versionReply: JsonObject): CgminerFlavour {
  // Only the identity text is searched, and only its first few KiB: a rig's reply cannot make this slow.
  const text = JSON.stringify(versionReply).slice(0, 8192).toUpperCase();
  if (text.includes('BOSMINER') || text.includes('BOSER')) return 'bosminer';
  if (text.includes('BTMINER') || text.includes('BITMICRO')) return 'whatsminer';
  return 'cgminer';
}
