export * from './rig.js';
export * from './discovery.js';
export * from './settings.js';
export * from './fleet-summary.js';
export * from './control.js';
export * from './telemetry.js';
export * from './tariff.js';
