// Public surface of the Whatsminer simulator (README.md). Everything else in this folder is an implementation detail.
export { startWhatsminerRigs } from './farm.js';
export type { WhatsminerRigs, WhatsminerRigsOptions } from './farm.js';
export { WHATSMINER_MODEL_NAMES, isWhatsminerModelName, whatsminerModel } from './models.js';
export type { WhatsminerModel, WhatsminerModelName } from './models.js';
export type { SimPool } from './replies.js';
export { VirtualWhatsminer } from './rig.js';
export type { VirtualWhatsminerOptions } from './rig.js';
export type { WhatsminerBoardTrueState, WhatsminerTrueState } from './true-state.js';
