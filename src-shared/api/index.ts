export * from './errors.js';
export * from './methods.js';
export * from './events.js';
export * from './wire.js';
export * from './client.js';
