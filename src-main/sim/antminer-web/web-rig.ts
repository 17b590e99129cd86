// A VirtualRig whose cgminer `pools` reply shows the pools configured through the web interface. VirtualRig builds
// its pools from a fixed list (reply-summary.ts SIM_POOLS) and has no setter, so this subclass post-processes that
// one reply: the records keep VirtualRig's fields and counters (shares on the active pool come from the physics),
// and take URL, User, Priority and Stratum URL from the web conf. Everything else is VirtualRig's, byte for byte.
// A `setPools()` on VirtualRig would make this unnecessary (see README.md).
import { NUL } from '../commands.js';
import type { ParsedRequest } from '../request.js';
import { replyToJson, replyToText, type ApiReply, type EnvelopeContext } from '../reply-envelope.js';
import { VirtualRig, type VirtualRigOptions } from '../rig.js';
import type { JsonQuirks, WireObject, WireValue } from '../serialize.js';
import { apiUrl, type ConfPool } from './web-conf.js';

function isRecord(value: unknown): value is WireObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class WebConfiguredRig extends VirtualRig {
  private readonly jsonQuirks: JsonQuirks;

  constructor(
    options: VirtualRigOptions,
    private readonly configuredPools: () => readonly ConfPool[],
  ) {
    super(options);
    const quirks = new Set(options.quirks ?? []);
    this.jsonQuirks = { missingComma: quirks.has('missing-comma'), leadingComma: quirks.has('leading-comma') };
  }

  override respondTo(request: ParsedRequest): string | null {
    if (request.kind !== 'json' && request.kind !== 'text') return super.respondTo(request);
    const names =
      request.kind === 'json' ? request.command.split('+').filter((name) => name !== '') : [request.command];
    if (!names.includes('pools')) return super.respondTo(request);
    const pools = this.poolsReply();
    const envelope = this.envelope();
    if (request.kind === 'text') return `${replyToText(pools, envelope)}${NUL}`;
    if (names.length === 1 && !request.command.includes('+'))
      return `${replyToJson(pools, envelope, this.jsonQuirks)}${NUL}`;
    // A multi-command reply is {"a":[<a's reply>],"pools":[<pools reply>],"id":1}: each part is the whole single reply.
    const parts = names.map((name) => {
      const text =
        name === 'pools'
          ? replyToJson(pools, envelope, this.jsonQuirks)
          : (super.respondTo({ kind: 'json', command: name, parameter: request.parameter }) ?? '').replace(/\0$/, '');
      return `${JSON.stringify(name)}:[${text}]`;
    });
    return `{${parts.join(',')},"id":1}${NUL}`;
  }

  private envelope(): EnvelopeContext {
    return {
      whenS: Math.floor(this.clock.now() / 1000),
      description: this.model.firmware.description,
      layout: this.model.layout,
    };
  }

  /** VirtualRig's own pools records, as plain values, to reuse their fields and the active pool's counters. */
  private templateRecords(): WireObject[] {
    const raw = super.respondTo({ kind: 'json', command: 'pools', parameter: null });
    try {
      const parsed: unknown = JSON.parse((raw ?? '').replace(/\0$/, ''));
      const rows = isRecord(parsed) ? parsed['POOLS'] : null;
      return Array.isArray(rows) ? rows.filter(isRecord) : [];
    } catch {
      return [];
    }
  }

  private poolsReply(): ApiReply {
    const templates = this.templateRecords();
    const configured = this.configuredPools().filter((pool) => pool.url !== '');
    const items = configured.map((pool, index): WireObject => {
      const template = templates[index] ?? templates[templates.length - 1] ?? {};
      const url = apiUrl(pool.url);
      const active = index === 0;
      const record: Record<string, WireValue> = {
        ...template,
        POOL: index,
        URL: url,
        Priority: index,
        User: pool.user,
      };
      if ('Stratum URL' in record) {
        record['Stratum URL'] = active ? url.replace(/^[a-z0-9+.-]+:\/\//i, '').replace(/:\d+$/, '') : '';
      }
      if ('Stratum Active' in record) record['Stratum Active'] = active;
      return record;
    });
    // cgminer's "No pools" (api.c MSG_NOPOOL, code 8) when every slot is empty.
    if (items.length === 0) return { severity: 'E', code: 8, msg: 'No pools', section: null };
    return { severity: 'S', code: 7, msg: `${items.length} Pool(s)`, section: { name: 'POOLS', items } };
  }
}
