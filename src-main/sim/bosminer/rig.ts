// One virtual Antminer running Braiins OS+: the cgminer-compatible API on TCP 4028 (through the shared connection
// handling, so the network faults behave as on VirtualRig) and, on BOSer firmware, the gRPC Public API on TCP 50051.
// Both answer from one physical model advanced to "now" when a request arrives; control calls take effect at once and
// show in the next read.
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { assertLoopback } from '../addresses.js';
import { systemClock } from '../clock.js';
import type { Clock } from '../clock.js';
import { serveConnection } from '../connection.js';
import { sameFaultSlot } from '../faults.js';
import type { Fault, FaultKind } from '../faults.js';
import { mixSeed, mulberry32 } from '../random.js';
import type { SimulatedRig } from '../simulated-rig.js';
import { answerBosRequest } from './api.js';
import { GrpcRigServer } from './grpc-server.js';
import { BosGrpcService } from './grpc-service.js';
import type { BosApiVersion, BosServiceRig } from './grpc-service.js';
import type { GroupInput } from './messages.js';
import { BOS_MODEL_CATALOG, firmwareDescription } from './models.js';
import type { BosFirmware, BosModelName, BosRigModel } from './models.js';
import { advanceTo, POOL_DIFFICULTY, restartBosminer, settle } from './physics.js';
import { createBosPhysics } from './physics-state.js';
import type { BosPhysics } from './physics-state.js';
import { buildGroup, creditShares, defaultPoolGroups, UidSource } from './pools.js';
import type { SimPoolGroup } from './pools.js';
import type { BosReplyContext } from './reply-context.js';
import { applyBosPhysicalFaults, bosTrueState, validateBosFault } from './rig-state.js';
import type { BosTrueState } from './rig-state.js';

export interface VirtualBosminerOptions {
  host: string;
  /** cgminer-compatible API port, 4028 like real firmware; 0 picks a free port. */
  port?: number;
  /** gRPC Public API port, 50051 like real firmware; 0 picks a free port. */
  grpcPort?: number;
  model: BosModelName;
  seed: number;
  clock?: Clock;
  ambientC?: number;
  /** Seconds bosminer has been running when the simulation starts; seeded between 2 h and a week if absent. */
  uptimeS?: number;
  /** Admin password (user root) the gRPC Login checks; Braiins OS ships with "root". */
  password?: string;
  /** 'boser' (default): BOS+ with the gRPC API. 'bosminer-plus': BOSminer+ 0.2.0, no gRPC, pause/resume only. */
  firmware?: BosFirmware;
  /** Public API version on BOSer: '1.2' (default) or '1.0' (no SetPoolGroups, token only in the header). */
  apiVersion?: BosApiVersion;
  /** Starting power target; the model's stock power if absent. */
  powerTargetW?: number;
}

export class VirtualBosminer implements SimulatedRig {
  readonly family = 'bosminer' as const;
  readonly host: string;
  readonly model: BosRigModel;
  readonly seed: number;
  readonly clock: Clock;
  readonly firmware: BosFirmware;
  readonly apiVersion: BosApiVersion;
  private readonly password: string;
  private portNumber: number;
  private readonly physics: BosPhysics;
  private groups: SimPoolGroup[];
  private readonly uids: UidSource;
  private readonly grpc: GrpcRigServer | null;
  private readonly tokenRandom: () => number;
  private faults: Fault[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private stopped = false;
  private requests = 0;
  private credited = { accepted: 0, rejected: 0 };
  private readonly service: BosGrpcService;

  constructor(options: VirtualBosminerOptions) {
    assertLoopback(options.host);
    this.host = options.host;
    this.portNumber = options.port ?? 4028;
    this.model = BOS_MODEL_CATALOG[options.model];
    this.seed = options.seed;
    this.clock = options.clock ?? systemClock;
    this.firmware = options.firmware ?? 'boser';
    this.apiVersion = options.apiVersion ?? '1.2';
    this.password = options.password ?? 'root';
    this.uids = new UidSource(mixSeed(this.seed, 0x1d).toString(36).slice(0, 6));
    this.tokenRandom = mulberry32(mixSeed(this.seed, 0x70c3));
    this.groups = defaultPoolGroups(this.host, this.uids);
    this.physics = createBosPhysics({
      model: this.model,
      seed: this.seed,
      clock: this.clock,
      ambientC: options.ambientC ?? 25,
      powerTargetW: options.powerTargetW ?? this.model.stockPowerW,
    });
    settle(this.physics, options.uptimeS ?? Math.round(7200 + mulberry32(mixSeed(this.seed, 0xb007))() * 6.5 * 86_400));
    this.credited = { accepted: this.physics.accepted, rejected: this.physics.rejected };
    creditShares(this.groups, this.physics.accepted, this.physics.rejected);
    this.service = new BosGrpcService(this.serviceRig());
    this.grpc =
      this.firmware === 'boser'
        ? new GrpcRigServer({
            host: this.host,
            port: options.grpcPort ?? 50051,
            faults: () => this.faults,
            handle: (request) => this.service.handle(request),
            random: () => mulberry32(mixSeed(this.seed, 0x96c, (this.requests += 1))),
          })
        : null;
  }

  get port(): number {
    return this.portNumber;
  }

  /** The gRPC port, or null on firmware without the Public API. */
  get grpcPort(): number | null {
    return this.grpc?.port ?? null;
  }

  get modelName(): string {
    return this.model.name;
  }

  async start(): Promise<void> {
    if (this.stopped) throw new Error(`rig ${this.host} was stopped; create a new one`);
    if (this.faults.some((fault) => fault.kind === 'unreachable')) return;
    if (!this.server) {
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
    await this.grpc?.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.closeServers();
  }

  private async closeServers(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await Promise.all([
      server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve(),
      this.grpc?.stop(),
    ]);
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    serveConnection(socket, {
      faults: () => this.faults,
      answer: (request) =>
        answerBosRequest(request, {
          context: () => this.replyContext(),
          pause: () => void this.pause(),
          resume: () => void this.resume(),
          whenS: () => Math.floor(this.clock.now() / 1000),
          description: () => firmwareDescription(this.firmware),
        }),
      random: () => mulberry32(mixSeed(this.seed, 0x9a7b, (this.requests += 1))),
    });
  }

  /** Advances the model to now and credits the shares found since the last look to the active pools. */
  tick(): void {
    advanceTo(this.physics, this.clock.now());
    const accepted = this.physics.accepted - this.credited.accepted;
    const rejected = this.physics.rejected - this.credited.rejected;
    creditShares(this.groups, Math.max(0, accepted), Math.max(0, rejected));
    this.credited = { accepted: this.physics.accepted, rejected: this.physics.rejected };
    if (this.physics.accepted >= 1) {
      this.physics.bestShare = POOL_DIFFICULTY * Math.max(1, Math.floor(Math.log2(this.physics.accepted)));
    }
  }

  private replyContext(): BosReplyContext {
    this.tick();
    return {
      rig: this.physics,
      groups: this.groups,
      nowMs: this.clock.now(),
      seed: this.seed,
      firmware: this.firmware,
      description: firmwareDescription(this.firmware),
    };
  }

  /** True values for tests; the app only ever sees protocol replies. */
  readState(): BosTrueState {
    this.tick();
    return bosTrueState(this.physics);
  }

  /**
   * The steady state at a power target, from this unit's hidden model (a fresh copy with the same silicon lottery
   * and ambient; the rig itself is untouched). For tests that compare the optimizer's result with the true optimum.
   */
  steadyStateAt(powerTargetW: number): BosTrueState {
    const copy = createBosPhysics({
      model: this.model,
      seed: this.seed,
      clock: { now: () => 0 },
      ambientC: this.physics.ambientC,
      powerTargetW,
    });
    settle(copy, 0);
    return bosTrueState(copy);
  }

  poolGroups(): readonly SimPoolGroup[] {
    return this.groups;
  }

  activeFaults(): readonly Fault[] {
    return [...this.faults];
  }

  async injectFault(fault: Fault): Promise<void> {
    validateBosFault(this.model, fault);
    this.tick();
    this.faults = [...this.faults.filter((existing) => !sameFaultSlot(existing, fault)), fault];
    applyBosPhysicalFaults(this.physics, this.faults, this.seed);
    if (fault.kind === 'unreachable') await this.closeServers();
  }

  async clearFault(kind: FaultKind, target?: number): Promise<void> {
    this.tick();
    this.faults = this.faults.filter((fault) => {
      if (fault.kind !== kind) return true;
      if (target === undefined) return false;
      return !(('board' in fault && fault.board === target) || ('fan' in fault && fault.fan === target));
    });
    applyBosPhysicalFaults(this.physics, this.faults, this.seed);
    if (kind === 'unreachable' && !this.stopped) await this.start();
  }

  setAmbientC(celsius: number): void {
    if (!(celsius > -40 && celsius < 60)) throw new RangeError(`ambient must be -40..60 °C, got ${celsius}`);
    this.tick();
    this.physics.ambientC = celsius;
  }

  /** Pauses mining; true when it was already paused. */
  pause(): boolean {
    this.tick();
    const already = this.physics.paused;
    this.physics.paused = true;
    return already;
  }

  /** Resumes mining; true when it was already mining. The tuner picks up where it was. */
  resume(): boolean {
    this.tick();
    const already = !this.physics.paused;
    this.physics.paused = false;
    return already;
  }

  /** Restarts bosminer: Elapsed and counters start over, chains re-initialise, then the tuner ramps back up. */
  restart(): void {
    this.tick();
    restartBosminer(this.physics);
    this.credited = { accepted: 0, rejected: 0 };
  }

  /** Sets the autotuner's power target (what PerformanceService/SetPowerTarget does). */
  setPowerTargetW(watts: number): void {
    const { min, max } = this.model.powerTargetW;
    if (!(watts >= min && watts <= max)) throw new RangeError(`power target must be ${min}..${max} W, got ${watts}`);
    this.tick();
    this.physics.powerTargetW = watts;
    this.physics.tuningSinceS = this.physics.elapsedS;
    this.physics.profileCreatedS = Math.floor(this.clock.now() / 1000);
  }

  /** 16 letters and digits, like the token in the bos-plus-api README ("FvZarvVQLCtzNaM6"); seeded per rig. */
  private newToken(): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
    return Array.from({ length: 16 }, () => alphabet[Math.floor(this.tokenRandom() * alphabet.length)] ?? 'A').join('');
  }

  private replaceGroups(groups: readonly GroupInput[]): readonly SimPoolGroup[] {
    this.tick();
    this.groups = groups.map((group) => buildGroup(group.name || 'Default', group.quota, group.pools, this.uids));
    this.restart();
    return this.groups;
  }

  private updateGroup(input: GroupInput & { uid: string }): SimPoolGroup | null {
    this.tick();
    const index = this.groups.findIndex((group) => group.uid === input.uid);
    if (index < 0) return null;
    const rebuilt = { ...buildGroup(input.name || 'Default', input.quota, input.pools, this.uids), uid: input.uid };
    this.groups = this.groups.map((group, position) => (position === index ? rebuilt : group));
    this.restart();
    return rebuilt;
  }

  private serviceRig(): BosServiceRig {
    return {
      apiVersion: this.apiVersion,
      nowMs: () => this.clock.now(),
      checkPassword: (username: string, password: string) => username === 'root' && password === this.password,
      newToken: () => this.newToken(),
      powerTargetRange: () => this.model.powerTargetW,
      setPowerTarget: (watts: number) => this.setPowerTargetW(watts),
      poolGroups: () => this.groups,
      replacePoolGroups: (groups: readonly GroupInput[]) => this.replaceGroups(groups),
      updatePoolGroup: (group: GroupInput & { uid: string }) => this.updateGroup(group),
      pause: () => this.pause(),
      resume: () => this.resume(),
      restart: () => this.restart(),
    };
  }
}
