// The `stats` reply: STATS[0] is an identity block, STATS[1] the measurements in the model family's own layout.

import type { ApiReply } from './reply-envelope.js';
import type { ReplyContext } from './reply-context.js';
import { identityBlock } from './reply-stats-common.js';
import { s17Stats, s9Stats } from './reply-stats-legacy.js';
import { s19Stats } from './reply-stats-s19.js';
import type { WireObject } from './serialize.js';

function measurements(context: ReplyContext): WireObject {
  switch (context.model.layout) {
    case 's19':
      return s19Stats(context);
    case 's17':
      return s17Stats(context);
    case 's9':
      return s9Stats(context);
  }
}

export function statsReply(context: ReplyContext): ApiReply {
  return {
    severity: 'S',
    code: 70,
    msg: `${context.model.firmware.msgPrefix} stats`,
    section: { name: 'STATS', items: [identityBlock(context), measurements(context)] },
  };
}
