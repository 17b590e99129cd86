// Scans an address range for rigs. Each host gets a fixed order of cheap checks within one per-host timeout: which
// driver ports are open (all at once), then each driver whose port is open, in registry order, asks its identity
// question; the first to recognise the host wins. Families sharing TCP 4028 share one `version` exchange and tell
// themselves apart by its content. Hosts are scanned with bounded concurrency. Nothing here knows about the fleet or
// events: the caller gets each identity and a progress callback.
import type { RigFamily, RigIdentity } from '../../../src-shared/model/rig.js';
import { askCgminer } from '../drivers/cgminer/ask.js';
import type { ParseOutcome } from '../drivers/cgminer/parse.js';
import type { DriverRegistry } from '../drivers/registry.js';
import { forEachBounded } from '../util/concurrency.js';
import { openPorts } from './open-ports.js';
import { addressesOf, type AddressRange } from './range.js';

/** A family's default API token, for probing rigs whose API refuses anonymous requests (XMRig with a token). */
export type ProbeCredential = (family: RigFamily) => string | null;

export interface ScanOptions {
  range: AddressRange;
  drivers: DriverRegistry;
  probeCredential?: ProbeCredential;
  perHostTimeoutMs: number;
  concurrency: number;
  signal: AbortSignal;
  onFound: (identity: RigIdentity) => void;
  onProbed: () => void;
}

export async function identifyHost(
  host: string,
  drivers: DriverRegistry,
  timeoutMs: number,
  scanSignal: AbortSignal,
  probeCredential: ProbeCredential = () => null,
): Promise<RigIdentity | null> {
  const deadline = Date.now() + timeoutMs;
  const signal = AbortSignal.any([scanSignal, AbortSignal.timeout(timeoutMs)]);
  const versionReplies = new Map<number, Promise<ParseOutcome>>();
  const cgminerVersion = (port: number) => (): Promise<ParseOutcome> => {
    let reply = versionReplies.get(port);
    if (!reply) {
      reply = askCgminer(host, port, 'version', Math.max(1, deadline - Date.now()), signal);
      versionReplies.set(port, reply);
    }
    return reply;
  };
  const open = await openPorts(
    host,
    drivers.drivers.flatMap((driver) => driver.ports),
    timeoutMs,
    signal,
  );
  for (const driver of drivers.drivers) {
    for (const port of driver.ports) {
      if (!open.has(port)) continue;
      const remainingMs = deadline - Date.now();
      if (remainingMs <= 0 || signal.aborted) return null;
      try {
        const target = {
          host,
          port,
          timeoutMs: remainingMs,
          cgminerVersion: cgminerVersion(port),
          credential: probeCredential(driver.family),
        };
        const identity = await driver.probe(target, signal);
        if (identity) return identity;
      } catch (error) {
        // probe() promises not to throw; if one does, that host is simply not identified by it.
        console.warn(`[discovery] ${driver.family} probe of ${host}:${port} threw:`, error);
      }
    }
  }
  return null;
}

export async function scanRange(options: ScanOptions): Promise<void> {
  const { range, drivers, perHostTimeoutMs, concurrency, signal } = options;
  await forEachBounded(
    addressesOf(range),
    Math.min(concurrency, range.size),
    async (host) => {
      const identity = await identifyHost(host, drivers, perHostTimeoutMs, signal, options.probeCredential);
      if (signal.aborted) return;
      if (identity) options.onFound(identity);
      options.onProbed();
    },
    signal,
  );
}
