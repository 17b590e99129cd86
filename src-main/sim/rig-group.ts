// Starting and stopping a group of virtual rigs, whatever their family: every server bound concurrently, and if one
// address cannot be bound, the others are stopped again and the error names the address.

export interface StartableRig {
  readonly host: string;
  readonly port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface RigGroup<R extends StartableRig> {
  readonly rigs: readonly R[];
  /** The rig listening on this host, if any. */
  rig(host: string): R | undefined;
  /** Closes every server and socket. Safe to call more than once. */
  stop(): Promise<void>;
}

/** `what` names the rigs in an error: "Whatsminer", "BOS rig". */
export async function startRigGroup<R extends StartableRig>(rigs: readonly R[], what: string): Promise<RigGroup<R>> {
  const results = await Promise.allSettled(rigs.map((rig) => rig.start()));
  const failure = results.findIndex((result) => result.status === 'rejected');
  if (failure >= 0) {
    await Promise.all(rigs.map((rig) => rig.stop()));
    const result = results[failure];
    const reason = result?.status === 'rejected' ? String(result.reason) : 'unknown error';
    const rig = rigs[failure];
    throw new Error(`could not start the ${what} at ${rig ? `${rig.host}:${rig.port}` : '?'}: ${reason}`);
  }
  const byHost = new Map(rigs.map((rig) => [rig.host, rig]));
  let stopping: Promise<void> | null = null;
  return {
    rigs,
    rig: (host) => byHost.get(host),
    stop: () => (stopping ??= Promise.all(rigs.map((rig) => rig.stop())).then(() => undefined)),
  };
}
