// Small helpers shared by the GPU drivers' integration tests (no test of its own).
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import type { Driver, ProbeTarget } from '../driver.js';

export function probeTarget(host: string, port: number, timeoutMs = 2000): ProbeTarget {
  return {
    host,
    port,
    timeoutMs,
    // The GPU miners speak HTTP; none of them asks the CGMiner-API version exchange.
    cgminerVersion: () =>
      Promise.resolve({ ok: false, error: new RigwiseError('RIG_UNREACHABLE', 'not asked in GPU tests') }),
  };
}

export async function identify(driver: Driver, host: string, port: number): Promise<RigIdentity> {
  const identity = await driver.probe(probeTarget(host, port), AbortSignal.timeout(5000));
  if (!identity) throw new Error(`${driver.family} did not identify ${host}:${port}`);
  return identity;
}

/** The error a promise rejected with (or null), and how long it took. */
export async function outcome(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  try {
    await promise;
    return { error: null, ms: Date.now() - started };
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
}
