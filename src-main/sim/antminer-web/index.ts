// Public surface of the web-enabled Antminer simulator.
export { AntminerWithWeb, ANTMINER_WEB_PASSWORD } from './antminer-with-web.js';
export type { AntminerWithWebOptions } from './antminer-with-web.js';
export { ANTMINER_REALM } from './digest-guard.js';
export { startAntminerWebRigs } from './start.js';
export type { AntminerWebRigs, AntminerWebRigsOptions } from './start.js';
export type { ConfPool, WebConf } from './web-conf.js';
