// Public surface of the GPU-rig simulator: tests, benchmarks and the demo wiring import from here.
export { FRONT_ENDS, GPU_MINERS, gpuRigModelName } from './catalog.js';
export type { FrontEnd, GpuMiner, GpuType } from './catalog.js';
export type { GpuView, SimPool } from './reading.js';
export { DEFAULT_TREX_PASSWORD, VirtualGpuRig } from './rig.js';
export type { GpuRigTrueState, VirtualGpuRigOptions } from './rig.js';
export { startGpuRigs } from './start.js';
export type { GpuRigs, GpuRigsOptions } from './start.js';
