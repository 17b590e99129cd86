// lolMiner, GMiner and SRBMiner-Multi: their HTTP APIs as documented and captured (PROTOCOLS.md A7, "Control I
// actually read": none found) only report. Rigwise offers no change on them rather than invent endpoints.
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import { NO_CAPABILITIES, type Capabilities, type RigChange } from '../../../../src-shared/model/control.js';

export const READ_ONLY_CAPABILITIES: Capabilities = NO_CAPABILITIES;

export function refuseChange(miner: string, change: RigChange): Promise<never> {
  return Promise.reject(
    new RigwiseError(
      'RIG_ERROR',
      `${miner}'s API only reports; "${change.kind}" has to be done on the rig itself (its command line or config).`,
    ),
  );
}
