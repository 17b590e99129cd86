import type { RigFamily } from '../../src-shared/model/index.js';

/** Firmware families as operators know them, for "Set the admin password for all <family> rigs". */
export const FAMILY_LABEL: Readonly<Record<RigFamily, string>> = {
  cgminer: 'cgminer',
  bosminer: 'Braiins OS',
  whatsminer: 'Whatsminer',
  axeos: 'AxeOS',
  xmrig: 'XMRig',
  lolminer: 'lolMiner',
  trex: 'T-Rex',
  gminer: 'GMiner',
  srbminer: 'SRBMiner',
};
