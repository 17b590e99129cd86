// One virtual rig: a physical model plus a cgminer API server on its own loopback address. The server answers from
// the model, advanced to "now" when each request arrives; there are no timers per rig.

import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { assertLoopback } from './addresses.js';
import { systemClock } from './clock.js';
import type { Clock } from './clock.js';
import { answerRequest } from './commands.js';
import { serveConnection } from './connection.js';
import { sameFaultSlot } from './faults.js';
import type { Fault, FaultKind } from './faults.js';
import { validateFault } from './fault-validation.js';
import { MODEL_CATALOG } from './models.js';
import type { ModelName, RigModel } from './models.js';
import { advanceTo, settle } from './physics.js';
import { readRig } from './physics-reading.js';
import { createRigPhysics, invalidateBoard } from './physics-state.js';
import type { FanMode, RigPhysics } from './physics-state.js';
import { mixSeed, mulberry32 } from './random.js';
import { buildReplyContext } from './reply-context.js';
import type { DevsLayout, ReplyContext, RigIdentity } from './reply-context.js';
import type { ParsedRequest } from './request.js';
import { rigIdentity } from './rig-identity.js';
import type { SimulatedRig } from './simulated-rig.js';
import { applyPhysicalFaults, trueState } from './rig-state.js';
import type { RigTrueState } from './rig-state.js';

export type QuirkName = 'missing-comma' | 'leading-comma';

export interface VirtualRigOptions {
  host: string;
  /** 4028 like real firmware; 0 picks a free port (read it back from rig.port after start()). */
  port?: number;
  model: ModelName;
  seed: number;
  clock?: Clock;
  ambientC?: number;
  /** Seconds the rig has "been running" when the simulation starts; seeded between 2 h and a week if absent. */
  uptimeS?: number;
  /** Broken-JSON quirks of some Antminer firmwares; off by default. */
  quirks?: readonly QuirkName[];
  devsLayout?: DevsLayout;
}

export class VirtualRig implements SimulatedRig {
  readonly family = 'cgminer' as const;
  readonly host: string;
  readonly model: RigModel;
  readonly identity: RigIdentity;
  readonly seed: number;
  readonly clock: Clock;
  private portNumber: number;
  private readonly physics: RigPhysics;
  private readonly quirks: ReadonlySet<QuirkName>;
  private readonly devsLayout: DevsLayout;
  private faults: Fault[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private stopped = false;
  private starting: Promise<void> | null = null;
  private requests = 0;

  constructor(options: VirtualRigOptions) {
    assertLoopback(options.host);
    this.host = options.host;
    this.portNumber = options.port ?? 4028;
    this.model = MODEL_CATALOG[options.model];
    this.seed = options.seed;
    this.clock = options.clock ?? systemClock;
    this.identity = rigIdentity(this.model, this.host, this.seed);
    this.quirks = new Set(options.quirks ?? []);
    this.devsLayout = options.devsLayout ?? 'firmware';
    const physicsOptions = { model: this.model, seed: this.seed, nowMs: this.clock.now() };
    this.physics = createRigPhysics(
      options.ambientC === undefined ? physicsOptions : { ...physicsOptions, ambientC: options.ambientC },
    );
    const uptimeS = options.uptimeS ?? Math.round(7200 + mulberry32(mixSeed(this.seed, 0x0b007))() * 6.5 * 86_400);
    settle(this.physics, uptimeS);
  }

  get port(): number {
    return this.portNumber;
  }

  get modelName(): string {
    return this.model.name;
  }

  /** "127.0.1.10:4028" */
  get address(): string {
    return `${this.host}:${this.portNumber}`;
  }

  get listening(): boolean {
    return this.server !== null;
  }

  /** Listens on host:port. Concurrent calls share one attempt; a rig stopped meanwhile does not stay bound. */
  start(): Promise<void> {
    this.starting ??= this.listen().finally(() => (this.starting = null));
    return this.starting;
  }

  private async listen(): Promise<void> {
    if (this.stopped) throw new Error(`rig ${this.address} was stopped; create a new one`);
    if (this.server || this.faults.some((fault) => fault.kind === 'unreachable')) return;
    const server = createServer({ allowHalfOpen: true }, (socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: this.host, port: this.portNumber, exclusive: true }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    // After listening, the only errors are failed accepts (e.g. out of file descriptors): the client sees a reset,
    // the rig keeps serving, and the process must not crash on an unhandled 'error' event.
    server.on('error', () => undefined);
    const bound = server.address();
    if (bound && typeof bound === 'object') this.portNumber = bound.port;
    if (this.stopped || this.faults.some((fault) => fault.kind === 'unreachable')) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      return;
    }
    this.server = server;
  }

  /** Closes the server and every open socket. Idempotent. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.starting?.catch(() => undefined);
    await this.closeServer();
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    serveConnection(socket, {
      faults: () => this.faults,
      answer: (request) => this.respondTo(request),
      random: () => mulberry32(mixSeed(this.seed, 0x9a7b, (this.requests += 1))),
    });
  }

  private async closeServer(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Advances the model to the clock's now. Replies and readState() do this themselves. */
  tick(): void {
    advanceTo(this.physics, this.clock.now());
  }

  /** The reply bytes a healthy rig sends for a request (NUL included), or null. Faults are not applied here. */
  respondTo(request: ParsedRequest): string | null {
    const nowMs = this.clock.now();
    const envelope = {
      whenS: Math.floor(nowMs / 1000),
      description: this.model.firmware.description,
      layout: this.model.layout,
    };
    const quirks = { missingComma: this.quirks.has('missing-comma'), leadingComma: this.quirks.has('leading-comma') };
    return answerRequest(request, () => this.replyContext(nowMs), envelope, quirks);
  }

  private replyContext(nowMs: number): ReplyContext {
    advanceTo(this.physics, nowMs);
    return buildReplyContext({
      model: this.model,
      identity: this.identity,
      physics: this.physics,
      reading: readRig(this.physics),
      nowMs,
      rigSeed: this.seed,
      devsLayout: this.devsLayout,
    });
  }

  /** True values for tests; the app only ever sees protocol replies. */
  readState(): RigTrueState {
    this.tick();
    return trueState(this.physics);
  }

  activeFaults(): readonly Fault[] {
    return [...this.faults];
  }

  /** Adds a fault (replacing one of the same kind on the same board/fan). Resolves once it is in force. */
  async injectFault(fault: Fault): Promise<void> {
    validateFault(this.model, fault);
    this.tick();
    this.faults = [...this.faults.filter((existing) => !sameFaultSlot(existing, fault)), fault];
    applyPhysicalFaults(this.physics, this.faults, this.seed);
    if (fault.kind === 'unreachable') await this.closeServer();
  }

  /** Clears faults of a kind (only the one on `target` board/fan when given). Resolves once the rig is back. */
  async clearFault(kind: FaultKind, target?: number): Promise<void> {
    this.tick();
    this.faults = this.faults.filter((fault) => {
      if (fault.kind !== kind) return true;
      if (target === undefined) return false;
      return !(('board' in fault && fault.board === target) || ('fan' in fault && fault.fan === target));
    });
    applyPhysicalFaults(this.physics, this.faults, this.seed);
    if (kind === 'unreachable' && !this.stopped) await this.start();
  }

  async clearAllFaults(): Promise<void> {
    for (const kind of new Set(this.faults.map((fault) => fault.kind))) await this.clearFault(kind);
  }

  private boardsFor(board: number | undefined): RigPhysics['boards'] {
    if (board === undefined) return this.physics.boards;
    const one = this.physics.boards[board];
    if (!one) throw new RangeError(`${this.model.name} has boards 0..${this.model.boards - 1}, got ${board}`);
    return [one];
  }

  /** Sets the clock of one board, or all boards. Within the model's limits, as stock firmware enforces. */
  setFrequencyMhz(mhz: number, board?: number): void {
    const { minFrequencyMhz, maxFrequencyMhz } = this.model;
    if (!(mhz >= minFrequencyMhz && mhz <= maxFrequencyMhz)) {
      throw new RangeError(`frequency must be ${minFrequencyMhz}..${maxFrequencyMhz} MHz, got ${mhz}`);
    }
    this.tick();
    for (const one of this.boardsFor(board)) {
      one.frequencyMhz = mhz;
      invalidateBoard(one);
    }
  }

  /** Sets the hashboard supply voltage of one board, or all boards. */
  setVoltage(volts: number, board?: number): void {
    const { minVoltageV, maxVoltageV } = this.model;
    if (!(volts >= minVoltageV && volts <= maxVoltageV)) {
      throw new RangeError(`voltage must be ${minVoltageV}..${maxVoltageV} V, got ${volts}`);
    }
    this.tick();
    for (const one of this.boardsFor(board)) {
      one.voltageV = volts;
      invalidateBoard(one);
    }
  }

  setFanMode(mode: FanMode): void {
    if (mode.kind === 'manual' && !(mode.dutyPct >= 0 && mode.dutyPct <= 100)) {
      throw new RangeError(`fan duty must be 0..100 %, got ${mode.dutyPct}`);
    }
    this.tick();
    this.physics.fanMode = mode;
  }

  /** Power-target mode (as custom firmwares offer): clocks follow the target. null returns to fixed clocks. */
  setPowerTargetW(watts: number | null): void {
    if (watts !== null && !(watts > 0)) throw new RangeError(`power target must be > 0 W, got ${watts}`);
    this.tick();
    this.physics.powerTargetW = watts;
  }

  setAmbientC(celsius: number): void {
    if (!(celsius > -40 && celsius < 60)) throw new RangeError(`ambient must be -40..60 °C, got ${celsius}`);
    this.tick();
    this.physics.ambientC = celsius;
  }
}
