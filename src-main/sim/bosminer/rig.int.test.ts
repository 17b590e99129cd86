// The virtual BOS+ rig's two servers over real sockets. This file owns 127.0.23.100-127.0.23.149.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GrpcSession } from '../../core/drivers/bosminer/grpc-client.js';
import type { GrpcOutcome } from '../../core/drivers/bosminer/grpc-client.js';
import {
  BOS_METHODS,
  EMPTY_MESSAGE,
  encodeLoginRequest,
  encodeSetPoolGroups,
  encodeSetPowerTarget,
} from '../../core/drivers/bosminer/messages.js';
import { ProtoMessage } from '../../core/drivers/bosminer/protobuf.js';
import { ManualClock } from '../clock.js';
import { askJson } from '../sim-client.js';
import { startBosminerRigs } from './farm.js';
import type { BosminerRigs } from './farm.js';
import type { VirtualBosminer } from './rig.js';

const clock = new ManualClock();
let rigs: BosminerRigs;
let oldApi: BosminerRigs;
let legacy: BosminerRigs;

beforeAll(async () => {
  [rigs, oldApi, legacy] = await Promise.all([
    startBosminerRigs({ count: 3, firstHost: '127.0.23.100', seed: 9, clock, password: 's3cret' }),
    startBosminerRigs({ count: 1, firstHost: '127.0.23.110', seed: 10, clock, apiVersion: '1.0' }),
    startBosminerRigs({ count: 1, firstHost: '127.0.23.120', seed: 11, clock, firmware: 'bosminer-plus' }),
  ]);
});

afterAll(async () => {
  await Promise.all([rigs.stop(), oldApi.stop(), legacy.stop()]);
});

function rigAt(farm: BosminerRigs, index: number): VirtualBosminer {
  const rig = farm.rigs[index];
  if (!rig) throw new Error(`no rig ${index}`);
  return rig;
}

async function session<T>(rig: VirtualBosminer, run: (grpc: GrpcSession) => Promise<T>, timeoutMs = 3000): Promise<T> {
  const grpc = new GrpcSession({ host: rig.host, port: rig.grpcPort ?? 50051, timeoutMs });
  try {
    return await run(grpc);
  } finally {
    grpc.close();
  }
}

function tokenOf(outcome: GrpcOutcome): string {
  if (!outcome.ok) throw outcome.error;
  return outcome.headers['authorization'] ?? '';
}

const login = (grpc: GrpcSession, password = 's3cret') =>
  grpc.call(BOS_METHODS.login, encodeLoginRequest('root', password));

describe('gRPC authentication', () => {
  it('returns the token in the authorization header and, on API 1.2, also in LoginResponse', async () => {
    const outcome = await session(rigAt(rigs, 0), (grpc) => login(grpc));
    const token = tokenOf(outcome);
    expect(token).toMatch(/^[A-Za-z0-9]{16}$/);
    const body = ProtoMessage.decode(outcome.ok ? outcome.message : new Uint8Array(0));
    expect([body.string(1), body.uint(2)]).toEqual([token, 3600]);
  });

  it('sends the token only in the header on API 1.0', async () => {
    const outcome = await session(rigAt(oldApi, 0), (grpc) => login(grpc, 'root'));
    expect(tokenOf(outcome)).toHaveLength(16);
    expect(outcome.ok && outcome.message.length).toBe(0);
  });

  it('refuses a wrong password, a missing token and a made-up token with UNAUTHENTICATED', async () => {
    const outcomes = await session(rigAt(rigs, 0), async (grpc) => [
      await login(grpc, 'root'),
      await grpc.call(BOS_METHODS.pauseMining, EMPTY_MESSAGE),
      await grpc.call(BOS_METHODS.pauseMining, EMPTY_MESSAGE, { authorization: 'AAAAAAAAAAAAAAAA' }),
    ]);
    expect(outcomes.map((outcome) => (outcome.ok ? 0 : outcome.grpcStatus))).toEqual([16, 16, 16]);
    expect(rigAt(rigs, 0).readState().paused).toBe(false);
  });

  it('lets a token lapse after an hour without use, and keeps it alive while it is used', async () => {
    const rig = rigAt(rigs, 1);
    const statuses = await session(rig, async (grpc) => {
      const token = tokenOf(await login(grpc));
      const resume = () => grpc.call(BOS_METHODS.resumeMining, EMPTY_MESSAGE, { authorization: token });
      const seen: Array<number | null> = [];
      clock.advance(50 * 60_000);
      seen.push((await resume()).ok ? 0 : 99);
      clock.advance(50 * 60_000);
      seen.push((await resume()).ok ? 0 : 99);
      clock.advance(61 * 60_000);
      const lapsed = await resume();
      seen.push(lapsed.ok ? 0 : lapsed.grpcStatus);
      return seen;
    });
    expect(statuses).toEqual([0, 0, 16]);
  });
});

describe('gRPC services', () => {
  it('refuses a power target outside the model range with INVALID_ARGUMENT and an unknown method with UNIMPLEMENTED', async () => {
    const rig = rigAt(rigs, 0);
    const statuses = await session(rig, async (grpc) => {
      const auth = { authorization: tokenOf(await login(grpc)) };
      const tooHigh = await grpc.call(
        BOS_METHODS.setPowerTarget,
        encodeSetPowerTarget(rig.model.powerTargetW.max + 1),
        auth,
      );
      const unknown = await grpc.call('/braiins.bos.v1.MinerService/GetSupportArchive', EMPTY_MESSAGE, auth);
      return [tooHigh, unknown].map((outcome) => (outcome.ok ? 0 : outcome.grpcStatus));
    });
    expect(statuses).toEqual([3, 12]);
    expect(rig.readState().powerTargetW).toBe(rig.model.stockPowerW);
  });

  it('answers SetPoolGroups with UNIMPLEMENTED on API 1.0', async () => {
    const rig = rigAt(oldApi, 0);
    const outcome = await session(rig, async (grpc) => {
      const auth = { authorization: tokenOf(await login(grpc, 'root')) };
      return grpc.call(
        BOS_METHODS.setPoolGroups,
        encodeSetPoolGroups([{ url: 'stratum+tcp://a.test:1', user: 'u', password: 'x' }]),
        auth,
      );
    });
    expect(outcome).toMatchObject({ ok: false, grpcStatus: 12 });
  });

  it('restarts bosminer when the pool groups are replaced, as SetPoolGroups documents', async () => {
    const rig = rigAt(rigs, 2);
    const elapsed = async () =>
      ((await askJson(rig.host, 'summary')).SUMMARY as Array<{ Elapsed: number }>)[0]?.Elapsed;
    expect(await elapsed()).toBeGreaterThan(3600);
    await session(rig, async (grpc) => {
      const auth = { authorization: tokenOf(await login(grpc)) };
      const replaced = await grpc.call(
        BOS_METHODS.setPoolGroups,
        encodeSetPoolGroups([{ url: 'stratum+tcp://n.rigwise.test:3333', user: 'n.1', password: 'x' }]),
        auth,
      );
      expect(replaced.ok).toBe(true);
    });
    expect(await elapsed()).toBeLessThanOrEqual(1);
    const pools = (await askJson(rig.host, 'pools')).POOLS as Array<{ URL: string; User: string }>;
    expect(pools.map((pool) => [pool.URL, pool.User])).toEqual([['stratum+tcp://n.rigwise.test:3333', 'n.1']]);
  });

  it('waits slowReplies before answering a gRPC call', async () => {
    const rig = rigAt(rigs, 1);
    await rig.injectFault({ kind: 'slowReplies', delayMs: 300 });
    const started = Date.now();
    await session(rig, (grpc) => login(grpc));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await rig.clearFault('slowReplies');
  });
});

describe('the cgminer-compatible API on 4028', () => {
  it('pauses and resumes over the API; devdetails says "Unavailable" while paused', async () => {
    const rig = rigAt(rigs, 1);
    expect(await askJson(rig.host, 'pause')).toMatchObject({ PAUSE: [true] });
    expect(await askJson(rig.host, 'devdetails')).toMatchObject({ STATUS: [{ Msg: 'Unavailable' }] });
    expect(await askJson(rig.host, 'resume')).toMatchObject({ RESUME: [true] });
    expect(await askJson(rig.host, 'devdetails')).toMatchObject({ STATUS: [{ STATUS: 'S', Code: 69 }] });
  });
});

describe('older BOSminer+ firmware', () => {
  it('answers the cgminer-compatible API but has no gRPC port', async () => {
    const rig = rigAt(legacy, 0);
    expect(rig.grpcPort).toBeNull();
    expect(await askJson(rig.host, 'version')).toMatchObject({ VERSION: [{ 'BOSminer+': '0.2.0-36c56a9363' }] });
    const grpc = new GrpcSession({ host: rig.host, port: 50051, timeoutMs: 1000 });
    const outcome = await grpc.call(BOS_METHODS.login, encodeLoginRequest('root', 'root'));
    grpc.close();
    expect(outcome).toMatchObject({ ok: false, error: { code: 'RIG_UNREACHABLE' } });
  });
});

describe('startBosminerRigs', () => {
  it('puts the rigs on consecutive addresses with the models in turn, and stops idempotently', async () => {
    const farm = await startBosminerRigs({ count: 4, firstHost: '127.0.23.140', seed: 3, clock, port: 0, grpcPort: 0 });
    expect(farm.rigs.map((rig) => [rig.host, rig.modelName])).toEqual([
      ['127.0.23.140', 'Antminer S19j Pro'],
      ['127.0.23.141', 'Antminer S19 XP'],
      ['127.0.23.142', 'Antminer S9'],
      ['127.0.23.143', 'Antminer S19j Pro'],
    ]);
    expect(farm.rigs.every((rig) => rig.port > 0 && (rig.grpcPort ?? 0) > 0)).toBe(true);
    await farm.stop();
    await farm.stop();
  });
});
