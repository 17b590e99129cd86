// TeamRedMiner (AMD GPU miner) speaks the sgminer flavour of the cgminer API on TCP 4028 (PROTOCOLS.md A7). It names
// itself only in the STATUS "Description" of every reply ("TeamRedMiner 0.3.10": foreman-apps
// foreman-sgminer TeamRedMiner_0_3_10_ITest.java; HiveOS hive/miners/teamredminer/h-stats.sh takes the version from
// `.summary.STATUS[0].Description`). Its DEVS rows are one per GPU with no card name, so the model is the miner and
// the GPU count. TeamRedMiner's README says "The miner includes a read-only api based on the sgminer-5.5 API"
// (todxx/teamredminer README.md, every release from 0.3.x to 0.9.x): no pool or restart command is offered.
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { entries, firstEntry, stringField } from '../fields.js';
import type { JsonObject } from './parse.js';

const NAME = 'TeamRedMiner';

/** "0.3.10" from any TeamRedMiner reply's STATUS Description, or null for any other miner. */
export function teamRedMinerVersion(reply: JsonObject): string | null {
  const description = stringField(firstEntry(reply, 'STATUS')?.['Description'], 64) ?? '';
  const match = /^teamredminer\s+v?([0-9][0-9A-Za-z.\-_]{0,23})/i.exec(description.trim());
  if (match) return match[1] ?? null;
  return /^teamredminer\b/i.test(description.trim()) ? 'unknown' : null;
}

export function isTeamRedMinerIdentity(identity: RigIdentity): boolean {
  return identity.firmware.startsWith(NAME);
}

/**
 * The identity of a TeamRedMiner rig: make AMD (TeamRedMiner mines on AMD GPUs; FPGA support came later and shows
 * the same way), model "TeamRedMiner 0.3.10 (6× GPU)" from the DEVS count, firmware "TeamRedMiner 0.3.10".
 */
export function teamRedMinerIdentity(
  host: string,
  port: number,
  versionReply: JsonObject,
  devsReply: JsonObject | null,
): RigIdentity | null {
  const version = teamRedMinerVersion(versionReply);
  if (version === null) return null;
  const firmware = `${NAME} ${version}`;
  const gpus = devsReply ? entries(devsReply, 'DEVS').length : 0;
  return {
    host,
    port,
    family: 'cgminer',
    make: 'AMD',
    model: gpus > 0 ? `${firmware} (${gpus}× GPU)` : firmware,
    firmware,
    apiVersion: stringField(firstEntry(versionReply, 'VERSION')?.['API'], 16),
    mac: null,
    serial: null,
  };
}
