// One virtual GPU rig: N cards with their own silicon lottery, running one of four GPU miners whose HTTP API it
// serves on its own loopback address, through the shared HTTP rig server (which applies the network faults).
import { assertLoopback } from '../addresses.js';
import { systemClock, type Clock } from '../clock.js';
import type { Fault, FaultKind } from '../faults.js';
import { sameFaultSlot } from '../faults.js';
import { HttpRigServer, type HttpRigReply, type HttpRigRequest } from '../http-rig-server.js';
import { mixSeed, mulberry32 } from '../random.js';
import type { SimulatedRig } from '../simulated-rig.js';
import { FRONT_ENDS, gpuRigModelName, type FrontEnd, type GpuMiner } from './catalog.js';
import {
  advanceGpuRig,
  createGpuRig,
  settleGpuRig,
  startOverheat,
  stopOverheat,
  type GpuRigPhysics,
} from './physics.js';
import { readGpus, sumOf, type GpuRigView, type GpuView, type SimPool } from './reading.js';
import { gminerStat } from './reply-gminer.js';
import { lolminerSummary } from './reply-lolminer.js';
import { srbminerStatus } from './reply-srbminer.js';
import { trexSummary } from './reply-trex.js';
import { handleTrexRequest, type TrexControlTarget } from './trex-api.js';

export interface VirtualGpuRigOptions {
  host: string;
  miner: GpuMiner;
  /** Default: the miner's conventional port (FRONT_ENDS); 0 picks a free one (read rig.port after start()). */
  port?: number;
  gpuCount?: number;
  seed: number;
  clock?: Clock;
  ambientC?: number;
  /** Seconds the miner has been running when the simulation starts; seeded between 1 h and 3 days if absent. */
  uptimeS?: number;
  pools?: readonly SimPool[];
  /** T-Rex only: the API password (as given to --api-generate-key). null: no --api-key, the API is read-only. */
  apiPassword?: string | null;
}

export const DEFAULT_TREX_PASSWORD = 'Rigwise-Sim-1';
const DEFAULT_GPU_COUNT = 4;

/** The true values behind the replies, for tests; the app only ever sees protocol replies. */
export interface GpuRigTrueState {
  hashrateHs: number;
  powerW: number;
  paused: boolean;
  pools: readonly SimPool[];
  gpus: readonly GpuView[];
}

export class VirtualGpuRig implements SimulatedRig, TrexControlTarget {
  readonly host: string;
  readonly frontEnd: FrontEnd;
  readonly seed: number;
  readonly clock: Clock;
  readonly apiPassword: string | null;
  readonly sessions = new Set<string>();
  private readonly physics: GpuRigPhysics;
  private readonly server: HttpRigServer;
  private readonly startMs: number;
  private readonly initialUptimeS: number;
  private poolList: SimPool[];
  private globalPause = false;
  private faults: Fault[] = [];
  private requests = 0;
  private sids = 0;

  constructor(options: VirtualGpuRigOptions) {
    assertLoopback(options.host);
    const count = options.gpuCount ?? DEFAULT_GPU_COUNT;
    if (!Number.isInteger(count) || count < 1 || count > 24)
      throw new RangeError(`gpuCount must be 1..24, got ${count}`);
    this.host = options.host;
    this.frontEnd = FRONT_ENDS[options.miner];
    this.seed = options.seed;
    this.clock = options.clock ?? systemClock;
    this.apiPassword = options.apiPassword === undefined ? DEFAULT_TREX_PASSWORD : options.apiPassword;
    this.startMs = this.clock.now();
    this.initialUptimeS = options.uptimeS ?? Math.round(3600 + mulberry32(mixSeed(this.seed, 0x0b007))() * 3 * 86_400);
    this.physics = createGpuRig(this.frontEnd.gpu, count, this.seed, this.startMs, options.ambientC);
    settleGpuRig(this.physics, this.initialUptimeS);
    const worker = `rig${this.host.split('.').at(-1) ?? '0'}`;
    this.poolList = [
      ...(options.pools ?? [{ url: 'stratum+tcp://gpu-pool.test:4444', user: `wallet.${worker}`, pass: 'x' }]),
    ];
    this.server = new HttpRigServer({
      host: this.host,
      port: options.port ?? this.frontEnd.defaultPort,
      faults: () => this.faults,
      handle: (request) => this.handle(request),
      random: () => mulberry32(mixSeed(this.seed, 0x9a7b, (this.requests += 1))),
    });
  }

  get family(): GpuMiner {
    return this.frontEnd.miner;
  }

  get port(): number {
    return this.server.port;
  }

  get modelName(): string {
    return gpuRigModelName(this.frontEnd, this.physics.gpus.length);
  }

  async start(): Promise<void> {
    if (this.faults.some((fault) => fault.kind === 'unreachable')) return;
    await this.server.start();
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }

  private view(): GpuRigView {
    const nowMs = this.clock.now();
    advanceGpuRig(this.physics, nowMs);
    return {
      nowMs,
      uptimeS: this.initialUptimeS + Math.max(0, nowMs - this.startMs) / 1000,
      seed: this.seed,
      frontEnd: this.frontEnd,
      gpus: readGpus(this.physics, this.seed, nowMs),
      pools: this.poolList,
      paused: this.globalPause,
    };
  }

  /** The reply a healthy rig gives; the server applies network faults on top. */
  handle(request: HttpRigRequest): HttpRigReply {
    const get = request.method === 'GET';
    switch (this.frontEnd.miner) {
      case 'trex':
        return handleTrexRequest(request, this, () => trexSummary(this.view()));
      case 'lolminer':
        return get && request.path === '/summary' ? ok(lolminerSummary(this.view())) : NOT_FOUND;
      case 'gminer':
        return get && request.path === '/stat' ? ok(gminerStat(this.view())) : NOT_FOUND;
      case 'srbminer':
        return get && request.path === '/' ? ok(srbminerStatus(this.view())) : NOT_FOUND;
    }
  }

  // TrexControlTarget: what T-Rex's API may change.
  newSid(): string {
    const next = mulberry32(mixSeed(this.seed, 0x51d, (this.sids += 1)));
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    return Array.from({ length: 32 }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  }

  setPools(pools: SimPool[]): void {
    this.poolList = [...pools];
  }

  config(): Record<string, unknown> {
    return { algo: this.frontEnd.algorithm, pools: this.poolList.map((pool) => ({ ...pool })) };
  }

  setPaused(paused: boolean, gpus: number[] | null): void {
    advanceGpuRig(this.physics, this.clock.now());
    if (gpus === null) this.globalPause = paused;
    for (const gpu of this.physics.gpus) if (gpus === null || gpus.includes(gpu.index)) gpu.paused = paused;
  }

  /** Sets core clock (and optionally voltage) of one card or all: the knobs an overclocking tool would turn. */
  setOperatingPoint(clockMhz: number, voltageMv?: number, gpu?: number): void {
    advanceGpuRig(this.physics, this.clock.now());
    const { minClockMhz, maxClockMhz } = this.frontEnd.gpu;
    for (const unit of this.physics.gpus) {
      if (gpu !== undefined && unit.index !== gpu) continue;
      unit.clockMhz = Math.min(maxClockMhz, Math.max(minClockMhz, Math.round(clockMhz)));
      if (voltageMv !== undefined) unit.voltageMv = voltageMv;
    }
  }

  readState(): GpuRigTrueState {
    const view = this.view();
    return {
      hashrateHs: sumOf(view.gpus, (gpu) => gpu.hashrateHs),
      powerW: sumOf(view.gpus, (gpu) => gpu.powerW),
      paused: this.globalPause,
      pools: [...this.poolList],
      gpus: view.gpus,
    };
  }

  activeFaults(): readonly Fault[] {
    return [...this.faults];
  }

  async injectFault(fault: Fault): Promise<void> {
    this.validate(fault);
    advanceGpuRig(this.physics, this.clock.now());
    this.faults = [...this.faults.filter((existing) => !sameFaultSlot(existing, fault)), fault];
    this.applyPhysical();
    if (fault.kind === 'unreachable') await this.server.stop();
  }

  async clearFault(kind: FaultKind, target?: number): Promise<void> {
    advanceGpuRig(this.physics, this.clock.now());
    this.faults = this.faults.filter((fault) => {
      if (fault.kind !== kind) return true;
      if (target === undefined) return false;
      return (fault.kind === 'deadBoard' ? fault.board : fault.kind === 'failingFan' ? fault.fan : null) !== target;
    });
    this.applyPhysical();
    if (kind === 'unreachable') await this.server.start();
  }

  private applyPhysical(): void {
    for (const gpu of this.physics.gpus) {
      gpu.dead = this.faults.some((fault) => fault.kind === 'deadBoard' && fault.board === gpu.index);
      gpu.fanFailed = this.faults.some((fault) => fault.kind === 'failingFan' && fault.fan === gpu.index);
    }
    if (this.faults.some((fault) => fault.kind === 'overheat')) startOverheat(this.physics);
    else stopOverheat(this.physics);
  }

  private validate(fault: Fault): void {
    const last = this.physics.gpus.length - 1;
    const gpu = fault.kind === 'deadBoard' ? fault.board : fault.kind === 'failingFan' ? fault.fan : null;
    if (gpu !== null && (!Number.isInteger(gpu) || gpu < 0 || gpu > last)) {
      throw new RangeError(`GPU index must be 0..${last}, got ${gpu}`);
    }
    if (fault.kind === 'degradedBoard') {
      throw new RangeError('degradedBoard (failed chips) has no meaning on a GPU; use deadBoard or failingFan');
    }
  }
}

const NOT_FOUND: HttpRigReply = { status: 404, body: 'Not found' };

function ok(body: Record<string, unknown>): HttpRigReply {
  return { status: 200, body };
}
