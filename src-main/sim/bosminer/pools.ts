// Pool groups of a simulated BOS rig: what PoolService changes and the cgminer `pools` reply lists. BOS mines on the
// first pool of each group and fails over in order within a group (Braiins Configuration docs, "Pool Groups").
// Pool URLs use the reserved .test TLD: the simulator never points at a real pool.

export interface SimPool {
  uid: string;
  url: string;
  user: string;
  password: string;
  enabled: boolean;
  /** Shares credited while this pool was the active one. */
  accepted: number;
  rejected: number;
}

export interface SimPoolGroup {
  uid: string;
  name: string;
  quota: number;
  pools: SimPool[];
}

export interface PoolInput {
  url: string;
  user: string;
  password: string | null;
  enabled: boolean | null;
}

/** Group and pool uids, as BOS generates them ("group.uid must not be specified (it will be generated)"). */
export class UidSource {
  private counter = 0;
  constructor(private readonly prefix: string) {}
  next(): string {
    this.counter += 1;
    return `${this.prefix}${this.counter.toString(16).padStart(4, '0')}`;
  }
}

export function defaultPoolGroups(host: string, uids: UidSource): SimPoolGroup[] {
  const worker = `rigwise.${host.split('.').slice(2).join('x')}`;
  const pool = (url: string): SimPool => ({
    uid: uids.next(),
    url,
    user: worker,
    password: 'x',
    enabled: true,
    accepted: 0,
    rejected: 0,
  });
  return [
    {
      uid: uids.next(),
      name: 'Default',
      quota: 1,
      pools: [pool('stratum+tcp://pool.rigwise.test:3333'), pool('stratum+tcp://backup.rigwise.test:443')],
    },
  ];
}

export function buildGroup(name: string, quota: number, pools: readonly PoolInput[], uids: UidSource): SimPoolGroup {
  return {
    uid: uids.next(),
    name,
    quota,
    pools: pools.map((pool) => ({
      uid: uids.next(),
      url: pool.url,
      user: pool.user,
      password: pool.password ?? '',
      enabled: pool.enabled ?? true,
      accepted: 0,
      rejected: 0,
    })),
  };
}

/** Credits shares found since the last look to the active pools, split by group quota. */
export function creditShares(groups: readonly SimPoolGroup[], accepted: number, rejected: number): void {
  const active = groups.flatMap((group) => {
    const pool = group.pools.find((candidate) => candidate.enabled);
    return pool ? [{ pool, quota: Math.max(1, group.quota) }] : [];
  });
  const totalQuota = active.reduce((sum, entry) => sum + entry.quota, 0);
  for (const { pool, quota } of active) {
    pool.accepted += (accepted * quota) / totalQuota;
    pool.rejected += (rejected * quota) / totalQuota;
  }
}
