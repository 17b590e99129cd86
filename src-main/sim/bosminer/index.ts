// Public surface of the Braiins OS+ simulator. Tests, benchmarks and demo wiring import from here.
export { DEFAULT_BOS_FIRST_HOST, startBosminerRigs } from './farm.js';
export type { BosminerRigs, BosminerRigsOptions } from './farm.js';
export type { BosApiVersion } from './grpc-service.js';
export { BOS_MODEL_CATALOG, BOS_MODEL_NAMES, isBosModelName } from './models.js';
export type { BosFirmware, BosModelName, BosRigModel } from './models.js';
export { VirtualBosminer } from './rig.js';
export type { VirtualBosminerOptions } from './rig.js';
export type { BosBoardTrueState, BosTrueState } from './rig-state.js';
