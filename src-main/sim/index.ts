// Public surface of the rig simulator. Tests, benchmarks and the app's --demo mode import from here; everything
// else in this folder is an implementation detail.

export { loopbackHosts, isLoopbackAddress, assertLoopback } from './addresses.js';
export { ManualClock, systemClock, MANUAL_CLOCK_START_MS } from './clock.js';
export type { Clock } from './clock.js';
export { DEFAULT_FIRST_HOST, demoModels, startDemoFarm, startFarm } from './farm.js';
export type { DemoFarmOptions, Farm, FarmOptions } from './farm.js';
export { FAULT_KINDS, parseFault } from './faults.js';
export type { Fault, FaultKind } from './faults.js';
export { findModel, isModelName, MODEL_CATALOG, MODEL_NAMES, modelByName } from './models.js';
export type { FirmwareIdentity, ModelName, ReplyLayout, RigModel } from './models.js';
export type { FanMode } from './physics-state.js';
export type { DevsLayout, RigIdentity } from './reply-context.js';
export { frameRequest } from './request.js';
export type { FrameResult, ParsedRequest } from './request.js';
export { VirtualRig } from './rig.js';
export type { QuirkName, VirtualRigOptions } from './rig.js';
export type { BoardTrueState, RigTrueState } from './rig-state.js';
export { askJson, askRaw } from './sim-client.js';
export type { AskOptions, RawExchange } from './sim-client.js';
