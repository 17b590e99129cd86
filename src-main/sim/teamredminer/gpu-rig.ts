// A virtual GPU mining rig answering the sgminer flavour of the cgminer API on TCP 4028, on its own loopback address:
// TeamRedMiner (read-only API, per its README: privileged commands are not implemented and answer "Invalid command",
// an assumption since no capture shows one) or a plain sgminer build started with --api-allow W: (privileged pool
// commands and restart, with cgminer's semantics; "Access denied" without W:). Same framing, NUL terminator and
// network faults as the ASIC simulator (../connection.ts); the card model is the shared one (../gpu/physics.ts, with an
// RX 580 from card.ts), replies in gpu-replies.ts.
import { createServer, type Server, type Socket } from 'node:net';
import type { RigFamily } from '../../../src-shared/model/rig.js';
import { assertLoopback } from '../addresses.js';
import { systemClock, type Clock } from '../clock.js';
import { serveConnection } from '../connection.js';
import type { Fault, FaultKind } from '../faults.js';
import { mixSeed, mulberry32 } from '../random.js';
import type { ParsedRequest } from '../request.js';
import type { SimulatedRig } from '../simulated-rig.js';
import { answerGpuRequest, type GpuAnswerContext } from './gpu-answer.js';
import { advanceGpuRig, createGpuRig, settleGpuRig, type GpuRigPhysics } from '../gpu/physics.js';
import { readGpus, type GpuView } from '../gpu/reading.js';
import { RX580_KAWPOW, restartMiner } from './card.js';
import type { GpuMinerFlavour } from './gpu-replies.js';
import { PoolTable } from './pool-table.js';
import { applyGpuFaults, validateGpuFault, withFault, withoutFault } from './gpu-faults.js';

export interface StartupPool {
  url: string;
  user: string;
  pass: string;
}

export interface GpuMinerRigOptions {
  host: string;
  /** 4028 by default; 0 picks a free port (read it back after start()). */
  port?: number;
  flavour: GpuMinerFlavour;
  gpus?: number;
  seed: number;
  clock?: Clock;
  ambientC?: number;
  /** Seconds the miner has run; seeded between 1 h and 3 days if absent. */
  uptimeS?: number;
  /** The pools on the miner's command line; restored by a restart (API-added pools are not saved). */
  pools?: readonly StartupPool[];
  /** sgminer only: Rigwise's address has W: (privileged) access. */
  privilegedAccess?: boolean;
  /** How long a `restart` keeps the API down. */
  restartDelayMs?: number;
}

export interface GpuTrueState {
  atMs: number;
  elapsedS: number;
  gpus: { index: number; hashrateMhs: number; powerW: number; tempC: number; fanPct: number; dead: boolean }[];
  powerW: number;
}

export class GpuMinerRig implements SimulatedRig {
  readonly family: RigFamily = 'cgminer';
  readonly host: string;
  readonly flavour: GpuMinerFlavour;
  readonly clock: Clock;
  private readonly physics: GpuRigPhysics;
  private pools: PoolTable;
  private readonly startupPools: readonly StartupPool[];
  private readonly privilegedAccess: boolean;
  private readonly restartDelayMs: number;
  private readonly seed: number;
  private portNumber: number;
  private faults: Fault[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private stopped = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private requests = 0;
  private credited = { accepted: 0, rejected: 0 };
  restarts = 0;

  constructor(options: GpuMinerRigOptions) {
    assertLoopback(options.host);
    this.host = options.host;
    this.portNumber = options.port ?? 4028;
    this.flavour = options.flavour;
    this.seed = options.seed;
    this.clock = options.clock ?? systemClock;
    this.privilegedAccess = options.flavour.kind === 'sgminer' && (options.privilegedAccess ?? true);
    this.restartDelayMs = options.restartDelayMs ?? 500;
    const uptimeS = options.uptimeS ?? Math.round(3600 + mulberry32(mixSeed(options.seed, 0x0b007))() * 2 * 86_400);
    this.physics = createGpuRig(RX580_KAWPOW, options.gpus ?? 6, options.seed, this.clock.now(), options.ambientC);
    settleGpuRig(this.physics, uptimeS);
    this.startupPools = options.pools ?? [
      {
        url: 'stratum+tcp://kawpow.pool-a.test:3333',
        user: `rigwise.gpu-${this.host.replaceAll('.', '-')}`,
        pass: 'x',
      },
      { url: 'stratum+tcp://kawpow.pool-b.test:443', user: `rigwise.gpu-${this.host.replaceAll('.', '-')}`, pass: 'x' },
    ];
    this.pools = new PoolTable(this.startupPools);
    this.credit();
  }

  get port(): number {
    return this.portNumber;
  }

  /** What the driver must report: "TeamRedMiner 0.3.10 (6× GPU)", or the generic name of a cgminer build. */
  get modelName(): string {
    if (this.flavour.kind === 'teamredminer') return `${this.flavour.description} (${this.physics.gpus.length}× GPU)`;
    return `cgminer rig (${this.flavour.description})`;
  }

  /** The pools as the miner holds them now: url, user, enabled, priority. */
  poolList(): { url: string; user: string; enabled: boolean; priority: number }[] {
    return this.pools.list().map(({ url, user, enabled, priority }) => ({ url, user, enabled, priority }));
  }

  async start(): Promise<void> {
    if (this.stopped) throw new Error(`rig ${this.host}:${this.portNumber} was stopped; create a new one`);
    if (this.server || this.faults.some((fault) => fault.kind === 'unreachable') || this.restartTimer) return;
    const server = createServer({ allowHalfOpen: true }, (socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: this.host, port: this.portNumber, exclusive: true }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', () => undefined);
    const bound = server.address();
    if (bound && typeof bound === 'object') this.portNumber = bound.port;
    this.server = server;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    await this.closeServer();
  }

  async injectFault(fault: Fault): Promise<void> {
    validateGpuFault(this.physics.gpus.length, fault);
    this.tick();
    this.faults = withFault(this.faults, fault);
    applyGpuFaults(this.physics, this.faults);
    if (fault.kind === 'unreachable') await this.closeServer();
  }

  async clearFault(kind: FaultKind, target?: number): Promise<void> {
    this.tick();
    this.faults = withoutFault(this.faults, kind, target);
    applyGpuFaults(this.physics, this.faults);
    if (kind === 'unreachable' && !this.stopped) await this.start();
  }

  readState(): GpuTrueState {
    this.tick();
    const gpus = this.views().map((view) => ({
      index: view.index,
      hashrateMhs: view.hashrateHs / 1e6,
      powerW: view.powerW,
      tempC: view.tempC,
      fanPct: view.fanPercent,
      dead: this.physics.gpus[view.index]?.dead ?? false,
    }));
    return {
      atMs: this.clock.now(),
      elapsedS: this.physics.elapsedS,
      gpus,
      powerW: gpus.reduce((sum, gpu) => sum + gpu.powerW, 0),
    };
  }

  private views(): GpuView[] {
    return readGpus(this.physics, this.seed, this.clock.now());
  }

  private tick(): void {
    advanceGpuRig(this.physics, this.clock.now());
    this.credit();
  }

  /** Shares found since the last look go to the pool being mined on. */
  private credit(): void {
    const accepted = this.physics.gpus.reduce((sum, gpu) => sum + gpu.accepted, 0);
    const rejected = this.physics.gpus.reduce((sum, gpu) => sum + gpu.rejected, 0);
    this.pools.credit(Math.max(0, accepted - this.credited.accepted), Math.max(0, rejected - this.credited.rejected));
    this.credited = { accepted, rejected };
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    serveConnection(socket, {
      faults: () => this.faults,
      answer: (request) => this.answer(request),
      random: () => mulberry32(mixSeed(this.seed, 0x96a, (this.requests += 1))),
    });
  }

  private answer(request: ParsedRequest): string | null {
    this.tick();
    const context: GpuAnswerContext = {
      input: {
        rig: this.physics,
        views: this.views(),
        pools: this.pools,
        flavour: this.flavour,
        whenS: Math.floor(this.clock.now() / 1000),
      },
      privilegedAccess: this.privilegedAccess,
      restart: () => this.scheduleRestart(),
    };
    return answerGpuRequest(request, context);
  }

  /** cgminer answers RESTART, then re-executes itself: the API is down for a while, counters and pools start over. */
  private scheduleRestart(): void {
    if (this.restartTimer || this.stopped) return;
    this.restartTimer = setTimeout(() => {
      void this.closeServer().then(() => {
        if (this.stopped) return;
        this.restartTimer = setTimeout(() => {
          this.restartTimer = null;
          if (this.stopped) return;
          this.tick();
          restartMiner(this.physics);
          this.credited = { accepted: 0, rejected: 0 };
          this.pools = new PoolTable(this.startupPools);
          this.restarts += 1;
          void this.start().catch(() => undefined);
        }, this.restartDelayMs);
      });
    }, 50);
  }

  private async closeServer(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
