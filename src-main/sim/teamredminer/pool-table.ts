// A cgminer pool list and its privileged commands, with cgminer's own rules and messages (ckolivas/cgminer api.c
// message table; API-README): addpool|URL,USR,PASS with '\,' and '\\' escapes ("Added pool %d: '%s'", code 55),
// poolpriority|N,... (listed first, the rest after in their old order; 73 "Changed pool priorities"),
// switchpool|N (enables N and puts it first; 27), enablepool/disablepool (47/48, 49/50 already, 51 last active),
// removepool|N (not the active pool, 67; not the last, 66; later pools are renumbered; 68). Failover strategy: the
// miner mines on the enabled pool with the best priority (every simulated pool is reachable).
import { errorReply, type ApiReply } from '../reply-envelope.js';

export interface SimPool {
  url: string;
  user: string;
  pass: string;
  enabled: boolean;
  priority: number;
  accepted: number;
  rejected: number;
}

const ok = (code: number, msg: string): ApiReply => ({ severity: 'S', code, msg, section: null });
const info = (code: number, msg: string): ApiReply => ({ severity: 'I', code, msg, section: null });

/** Splits on commas not preceded by a backslash and removes the escapes, as cgminer's addpool does. */
export function splitEscaped(parameter: string): string[] {
  const parts: string[] = [''];
  for (let index = 0; index < parameter.length; index += 1) {
    const char = parameter.charAt(index);
    if (char === '\\' && index + 1 < parameter.length) {
      index += 1;
      parts[parts.length - 1] += parameter.charAt(index);
    } else if (char === ',') {
      parts.push('');
    } else {
      parts[parts.length - 1] += char;
    }
  }
  return parts;
}

export class PoolTable {
  private pools: SimPool[];

  constructor(initial: ReadonlyArray<{ url: string; user: string; pass: string }>) {
    this.pools = initial.map((pool, index) => ({ ...pool, enabled: true, priority: index, accepted: 0, rejected: 0 }));
  }

  list(): readonly SimPool[] {
    return this.pools;
  }

  /** The pool mined on: the enabled one with the best priority, or -1. */
  currentIndex(): number {
    let best = -1;
    this.pools.forEach((pool, index) => {
      const current = this.pools[best];
      if (pool.enabled && (current === undefined || pool.priority < current.priority)) best = index;
    });
    return best;
  }

  /** Credits shares found since the last call to the current pool. */
  credit(accepted: number, rejected: number): void {
    const pool = this.pools[this.currentIndex()];
    if (!pool) return;
    pool.accepted += accepted;
    pool.rejected += rejected;
  }

  private poolId(parameter: string | null): number | ApiReply {
    if (parameter === null || parameter.trim() === '') return errorReply(25, 'Missing pool id parameter');
    const id = /^\d{1,6}$/.test(parameter.trim()) ? Number(parameter.trim()) : -1;
    if (id < 0 || id >= this.pools.length) {
      return errorReply(26, `Invalid pool id ${id} - range is 0 - ${this.pools.length - 1}`);
    }
    return id;
  }

  private renumberPriorities(order: readonly SimPool[]): void {
    order.forEach((pool, priority) => (pool.priority = priority));
  }

  private byPriority(): SimPool[] {
    return [...this.pools].sort((a, b) => a.priority - b.priority);
  }

  addpool(parameter: string | null): ApiReply {
    if (parameter === null || parameter === '') return errorReply(52, 'Missing addpool details');
    const [url = '', user = '', pass = ''] = splitEscaped(parameter);
    if (splitEscaped(parameter).length !== 3 || url === '' || user === '') {
      return errorReply(53, `Invalid addpool details '${parameter}'`);
    }
    this.pools.push({ url, user, pass, enabled: true, priority: this.pools.length, accepted: 0, rejected: 0 });
    return ok(55, `Added pool ${this.pools.length - 1}: '${url}'`);
  }

  poolpriority(parameter: string | null): ApiReply {
    if (parameter === null || parameter.trim() === '') return errorReply(25, 'Missing pool id parameter');
    const listed: SimPool[] = [];
    for (const item of parameter.split(',')) {
      const id = this.poolId(item);
      if (typeof id !== 'number') return id;
      const pool = this.pools[id];
      if (!pool) return errorReply(26, `Invalid pool id ${id}`);
      if (listed.includes(pool)) return errorReply(74, `Duplicate pool specified ${id}`);
      listed.push(pool);
    }
    this.renumberPriorities([...listed, ...this.byPriority().filter((pool) => !listed.includes(pool))]);
    return ok(73, 'Changed pool priorities');
  }

  switchpool(parameter: string | null): ApiReply {
    const id = this.poolId(parameter);
    if (typeof id !== 'number') return id;
    const pool = this.pools[id];
    if (!pool) return errorReply(26, `Invalid pool id ${id}`);
    pool.enabled = true;
    this.renumberPriorities([pool, ...this.byPriority().filter((other) => other !== pool)]);
    return ok(27, `Switching to pool ${id}:'${pool.url}'`);
  }

  enablepool(parameter: string | null): ApiReply {
    const id = this.poolId(parameter);
    if (typeof id !== 'number') return id;
    const pool = this.pools[id];
    if (!pool) return errorReply(26, `Invalid pool id ${id}`);
    if (pool.enabled) return info(49, `Pool ${id}:'${pool.url}' already enabled`);
    pool.enabled = true;
    return ok(47, `Enabling pool ${id}:'${pool.url}'`);
  }

  disablepool(parameter: string | null): ApiReply {
    const id = this.poolId(parameter);
    if (typeof id !== 'number') return id;
    const pool = this.pools[id];
    if (!pool) return errorReply(26, `Invalid pool id ${id}`);
    if (!pool.enabled) return info(50, `Pool ${id}:'${pool.url}' already disabled`);
    if (this.pools.filter((other) => other.enabled).length === 1) {
      return errorReply(51, `Cannot disable last active pool ${id}:'${pool.url}'`);
    }
    pool.enabled = false;
    return ok(48, `Disabling pool ${id}:'${pool.url}'`);
  }

  removepool(parameter: string | null): ApiReply {
    const id = this.poolId(parameter);
    if (typeof id !== 'number') return id;
    const pool = this.pools[id];
    if (!pool) return errorReply(26, `Invalid pool id ${id}`);
    if (this.pools.length === 1) return errorReply(66, `Cannot remove last pool ${id}:'${pool.url}'`);
    if (id === this.currentIndex()) return errorReply(67, `Cannot remove active pool ${id}:'${pool.url}'`);
    this.pools.splice(id, 1);
    this.renumberPriorities(this.byPriority());
    return ok(68, `Removed pool ${id}:'${pool.url}'`);
  }
}
