// The replies' field sets against the captures they imitate (core/drivers/*/fixtures.ts cite them): a front end
// that drifted from the real shape would let a driver pass here and fail on a real rig.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import type { HttpRigRequest } from '../http-rig-server.js';
import type { GpuMiner } from './catalog.js';
import { VirtualGpuRig } from './rig.js';

function get(path: string, query = ''): HttpRigRequest {
  return { method: 'GET', path, query: new URLSearchParams(query), headers: {}, body: '', rawBody: '' };
}

function rig(miner: GpuMiner, seed = 3): VirtualGpuRig {
  return new VirtualGpuRig({ host: '127.0.22.250', miner, seed, clock: new ManualClock(), gpuCount: 3, uptimeS: 5000 });
}

function body(miner: GpuMiner, path: string): Record<string, unknown> {
  return rig(miner).handle(get(path)).body as Record<string, unknown>;
}

const keys = (value: unknown): string[] => Object.keys(value as object).sort();

describe('the T-Rex front end', () => {
  const summary = body('trex', '/summary');
  const [gpu] = summary['gpus'] as Array<Record<string, unknown>>;

  it('sends the 0.24.6 (API 4.1) top-level fields', () => {
    for (const key of ['accepted_count', 'active_pool', 'api', 'description', 'gpus', 'hashrate', 'name', 'paused']) {
      expect(summary).toHaveProperty(key);
    }
    expect(summary).toMatchObject({ name: 't-rex', api: '4.1', success: 1, description: 'T-Rex NVIDIA GPU miner' });
  });

  it('sends per-GPU fields of the 0.24.6 sample plus fan_speed, rates as integer H/s', () => {
    for (const key of ['cclock', 'hashrate', 'name', 'paused', 'power', 'shares', 'temperature', 'fan_speed']) {
      expect(gpu).toHaveProperty(key);
    }
    expect(Number.isInteger(gpu?.['hashrate'])).toBe(true);
    expect(typeof (summary['active_pool'] as Record<string, unknown>)['difficulty']).toBe('string');
  });
});

describe('the lolMiner front end', () => {
  const summary = body('lolminer', '/summary');

  it('sends exactly the 1.16a field set', () => {
    expect(keys(summary)).toEqual(['GPUs', 'Mining', 'Session', 'Software', 'Stratum']);
    expect(keys(summary['Session'])).toEqual(
      [
        'Startup',
        'Startup_String',
        'Uptime',
        'Last_Update',
        'Active_GPUs',
        'Performance_Summary',
        'Performance_Unit',
        'Accepted',
        'Submitted',
        'TotalPower',
      ].sort(),
    );
    expect(keys((summary['GPUs'] as unknown[])[0])).toEqual(
      [
        'Index',
        'Name',
        'Performance',
        'Consumption (W)',
        'Fan Speed (%)',
        'Temp (deg C)',
        'Mem Temp (deg C)',
        'Session_Accepted',
        'Session_Submitted',
        'Session_HWErr',
        'Session_BestShare',
        'PCIE_Address',
      ].sort(),
    );
  });

  it('prints the pool without its scheme and the rate in mh/s', () => {
    expect((summary['Stratum'] as Record<string, unknown>)['Current_Pool']).toBe('gpu-pool.test:4444');
    expect((summary['Session'] as Record<string, unknown>)['Performance_Unit']).toBe('mh/s');
  });
});

describe('the GMiner front end', () => {
  it('sends exactly the 1.34 field set with speeds in Sol/s', () => {
    const stat = body('gminer', '/stat');
    expect(keys(stat)).toEqual(
      [
        'miner',
        'uptime',
        'server',
        'user',
        'algorithm',
        'electricity',
        'total_accepted_shares',
        'total_rejected_shares',
        'devices',
        'speedRatePrecision',
        'speedUnit',
        'powerUnit',
      ].sort(),
    );
    expect(keys((stat['devices'] as unknown[])[0])).toEqual(
      [
        'gpu_id',
        'bus_id',
        'name',
        'speed',
        'accepted_shares',
        'rejected_shares',
        'temperature',
        'temperature_limit',
        'power_usage',
      ].sort(),
    );
    expect(stat['speedUnit']).toBe('Sol/s');
  });
});

describe('the SRBMiner-Multi front end', () => {
  it('sends the 0.5.6 top-level and algorithm field sets', () => {
    const status = body('srbminer', '/');
    expect(keys(status)).toEqual(
      [
        'rig_name',
        'miner_version',
        'mining_time',
        'total_cpu_workers',
        'total_gpu_workers',
        'total_workers',
        'cpu_devices',
        'gpu_devices',
        'algorithms',
      ].sort(),
    );
    const [algorithm] = status['algorithms'] as Array<Record<string, unknown>>;
    expect(keys(algorithm)).toEqual(['hashrate', 'id', 'name', 'pool', 'shares']);
    expect(keys(algorithm?.['hashrate'])).toEqual(['1min', '30min', '5min', 'cpu', 'gpu', 'max', 'now']);
    expect(keys((algorithm?.['hashrate'] as Record<string, unknown>)['gpu'])).toEqual([
      'gpu0',
      'gpu1',
      'gpu2',
      'total',
    ]);
  });
});

describe('every front end', () => {
  it.each(['trex', 'lolminer', 'gminer', 'srbminer'] as const)(
    '%s answers the same bytes for the same seed and clock, and 404 off its paths',
    (miner) => {
      const path = { trex: '/summary', lolminer: '/summary', gminer: '/stat', srbminer: '/' }[miner];
      expect(JSON.stringify(rig(miner, 9).handle(get(path)).body)).toBe(
        JSON.stringify(rig(miner, 9).handle(get(path)).body),
      );
      expect(rig(miner).handle(get('/no-such-handler')).status).toBe(404);
    },
  );
});
