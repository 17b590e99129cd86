// Public surface of the GPU-rig simulator (TeamRedMiner and sgminer over the cgminer API).
export { GpuMinerRig } from './gpu-rig.js';
export type { GpuMinerRigOptions, GpuTrueState, StartupPool } from './gpu-rig.js';
export type { GpuMinerFlavour } from './gpu-replies.js';
export { sgminerFlavour, startSgminerRigs, startTeamRedMinerRigs, teamRedMinerFlavour } from './start.js';
export type { GpuRigs, GpuRigsOptions } from './start.js';
