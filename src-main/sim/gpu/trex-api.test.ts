import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import type { HttpRigRequest } from '../http-rig-server.js';
import { VirtualGpuRig } from './rig.js';

function request(path: string, query: string, body?: unknown): HttpRigRequest {
  return {
    method: body === undefined ? 'GET' : 'POST',
    path,
    query: new URLSearchParams(query),
    headers: {},
    body: body ?? '',
    rawBody: body === undefined ? '' : JSON.stringify(body),
  };
}

function trex(apiPassword: string | null = 'Secret-Pass-9') {
  return new VirtualGpuRig({ host: '127.0.22.251', miner: 'trex', seed: 5, clock: new ManualClock(), apiPassword });
}

function login(rig: VirtualGpuRig, password: string): string {
  const reply = rig.handle(request('/login', `password=${password}`)).body as Record<string, unknown>;
  return typeof reply['sid'] === 'string' ? reply['sid'] : '';
}

describe("the simulated T-Rex API's control handlers", () => {
  it('gives a session id for the right password and refuses a wrong one', () => {
    const rig = trex();
    expect(login(rig, 'Secret-Pass-9')).toHaveLength(32);
    expect(rig.handle(request('/login', 'password=nope')).body).toMatchObject({ success: 0 });
  });

  it('refuses every change from a rig started without an API password', () => {
    expect(trex(null).handle(request('/login', 'password=anything')).body).toMatchObject({ success: 0 });
  });

  it('refuses a change without a valid session as T-Rex does', () => {
    const reply = trex().handle(request('/control', 'pause=true&sid=forged'));
    expect(reply.body).toEqual({ error: 'unauthorized request', success: 0 });
  });

  it('pauses and resumes all GPUs or the listed ones', () => {
    const rig = trex();
    const sid = login(rig, 'Secret-Pass-9');
    rig.handle(request('/control', `pause=true&sid=${sid}`));
    expect(rig.readState().paused).toBe(true);
    expect(rig.readState().hashrateHs).toBe(0);
    rig.handle(request('/control', `pause=false&sid=${sid}`));
    rig.handle(request('/control', `sid=${sid}`, { pause: 'true:1' }));
    expect(rig.readState().gpus.map((gpu) => gpu.paused)).toEqual([false, true, false, false]);
  });

  it('replaces the pools from a POSTed config and shows the first as active', () => {
    const rig = trex();
    const sid = login(rig, 'Secret-Pass-9');
    const pools = [{ url: 'stratum+tcp://new-pool.test:3333', user: 'w.rig1', pass: 'x' }];
    expect(rig.handle(request('/config', `sid=${sid}`, { pools })).body).toEqual({ success: 1 });
    const summary = rig.handle(request('/summary', '')).body as Record<string, unknown>;
    expect(summary['active_pool']).toMatchObject({ url: 'stratum+tcp://new-pool.test:3333', user: 'w.rig1' });
  });

  it('refuses a malformed pool list and forgets a session after logout', () => {
    const rig = trex();
    const sid = login(rig, 'Secret-Pass-9');
    expect(rig.handle(request('/config', `sid=${sid}`, { pools: [{ url: 5 }] })).body).toMatchObject({ success: 0 });
    rig.handle(request('/logout', `sid=${sid}`));
    expect(rig.handle(request('/control', `pause=true&sid=${sid}`)).body).toMatchObject({ success: 0 });
  });
});
