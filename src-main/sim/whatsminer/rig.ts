// One virtual Whatsminer: the physics of physics.ts behind Whatsminer API v2 on its own loopback address (TCP 4028),
// served through the simulator's connection handling (../connection.ts), so every network fault works as it does
// for the Antminer rigs. Like the real firmware it answers reads to anyone and privileged commands only to a client
// that holds a token derived from the rig's admin password.
import { createServer, type Server, type Socket } from 'node:net';
import { assertLoopback } from '../addresses.js';
import { systemClock, type Clock } from '../clock.js';
import { serveConnection } from '../connection.js';
import { sameFaultSlot, type Fault, type FaultKind } from '../faults.js';
import { mixSeed, mulberry32 } from '../random.js';
import { MAX_REQUEST_BYTES } from '../request.js';
import type { SimulatedRig } from '../simulated-rig.js';
import { answerWhatsminer, type WhatsminerApiContext } from './api.js';
import { applyFaults, validateWhatsminerFault } from './faults.js';
import { whatsminerModel, type WhatsminerModel, type WhatsminerModelName } from './models.js';
import { advanceTo, restartMiner, settle } from './physics.js';
import { createPhysics, NOMINAL_AMBIENT_C, type WhatsminerPhysics } from './physics-state.js';
import { readWhatsminer } from './reading.js';
import type { ReplyInputs, SimPool } from './replies.js';
import { TokenDesk } from './tokens.js';
import { trueWhatsminerState, type WhatsminerTrueState } from './true-state.js';

export interface VirtualWhatsminerOptions {
  host: string;
  /** 4028 like real firmware; 0 picks a free port (read it back from rig.port after start()). */
  port?: number;
  model: WhatsminerModelName;
  seed: number;
  clock?: Clock;
  ambientC?: number;
  /** Seconds btminer has been running when the simulation starts; seeded between 2 h and a week if absent. */
  uptimeS?: number;
  /** The admin password privileged commands must be derived from; 'admin' as shipped. */
  adminPassword?: string;
  /** API write access (enabled with WhatsMinerTool on real rigs); on by default. */
  writeAccess?: boolean;
  pools?: readonly SimPool[];
}

function hexOctets(host: string): string {
  return host
    .split('.')
    .slice(1)
    .map((octet) => Number(octet).toString(16).toUpperCase().padStart(2, '0'))
    .join(':');
}

function seededDigits(next: () => number, count: number): string {
  return Array.from({ length: count }, () => Math.floor(next() * 10)).join('');
}

export class VirtualWhatsminer implements SimulatedRig {
  readonly family = 'whatsminer' as const;
  readonly host: string;
  readonly model: WhatsminerModel;
  readonly seed: number;
  readonly clock: Clock;
  /** Locally administered (02:...) so it can never collide with a real MicroBT MAC. */
  readonly mac: string;
  private portNumber: number;
  private readonly physics: WhatsminerPhysics;
  private readonly tokens: TokenDesk;
  private readonly writeAccess: boolean;
  private readonly pcbSerials: string[];
  private readonly psuSerial: string;
  private poolList: SimPool[];
  private faults: Fault[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private stopped = false;
  private starting: Promise<void> | null = null;
  private requests = 0;
  private readonly apiContext: WhatsminerApiContext;

  constructor(options: VirtualWhatsminerOptions) {
    assertLoopback(options.host);
    this.host = options.host;
    this.portNumber = options.port ?? 4028;
    this.model = whatsminerModel(options.model);
    this.seed = options.seed;
    this.clock = options.clock ?? systemClock;
    this.mac = `02:4D:57:${hexOctets(this.host)}`;
    this.tokens = new TokenDesk(this.seed, options.adminPassword ?? 'admin');
    this.writeAccess = options.writeAccess ?? true;
    const next = mulberry32(mixSeed(this.seed, 0x5e71a1));
    this.pcbSerials = Array.from(
      { length: this.model.boards },
      () => `H3M14S6F${seededDigits(next, 6)}K1${seededDigits(next, 4)}`,
    );
    this.psuSerial = `1413C${seededDigits(next, 10)}`;
    const lastOctet = this.host.split('.').at(-1) ?? '0';
    this.poolList = options.pools
      ? options.pools.map((pool) => ({ ...pool }))
      : [
          { url: 'stratum+tcp://pool-a.test:3333', user: `rigwise.wm${lastOctet}`, password: 'x' },
          { url: 'stratum+tcp://pool-b.test:3333', user: `rigwise.wm${lastOctet}`, password: 'x' },
        ];
    this.physics = createPhysics(this.model, this.seed, this.clock.now(), options.ambientC ?? NOMINAL_AMBIENT_C);
    const uptimeS = options.uptimeS ?? Math.round(7200 + next() * 6.5 * 86_400);
    settle(this.physics, uptimeS);
    this.apiContext = {
      model: this.model,
      psuSerial: this.psuSerial,
      writeAccess: this.writeAccess,
      nowMs: () => this.clock.now(),
      inputs: () => this.replyInputs(),
      issueToken: (client) => this.tokens.issue(client, this.clock.now()),
      decodeCommand: (data) => this.tokens.decode(data, this.clock.now()),
      encryptReply: (json) => this.tokens.encryptReply(json),
      setPools: (pools) => {
        this.poolList = pools.slice(0, 3).map((pool) => ({ ...pool }));
      },
      setPowerLimitW: (watts) => this.setPowerLimitW(watts),
      restartMiner: () => this.restartMiner(),
    };
  }

  get port(): number {
    return this.portNumber;
  }

  get modelName(): string {
    return this.model.displayName;
  }

  get address(): string {
    return `${this.host}:${this.portNumber}`;
  }

  get listening(): boolean {
    return this.server !== null;
  }

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
    server.on('error', () => undefined);
    const bound = server.address();
    if (bound && typeof bound === 'object') this.portNumber = bound.port;
    if (this.stopped || this.faults.some((fault) => fault.kind === 'unreachable')) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      return;
    }
    this.server = server;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.starting?.catch(() => undefined);
    await this.closeServer();
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    // serveConnection frames the request but keeps only cgminer's "command": privileged requests carry "enc" and
    // "data" instead, so the raw text is collected here too. This listener runs before serveConnection's own, so
    // the text is complete whenever serveConnection decides to answer.
    let raw = '';
    socket.on('data', (chunk: Buffer) => {
      if (raw.length <= MAX_REQUEST_BYTES) raw += chunk.toString('utf8');
    });
    const client = socket.remoteAddress ?? 'unknown';
    serveConnection(socket, {
      faults: () => this.faults,
      answer: (request) => (request.kind === 'empty' ? null : answerWhatsminer(raw, client, this.apiContext)),
      random: () => mulberry32(mixSeed(this.seed, 0x9a7b, (this.requests += 1))),
    });
  }

  /** The reply bytes a healthy rig sends for a request's raw text (faults not applied), for unit tests. */
  respondTo(raw: string, client = '127.0.0.1'): string | null {
    return answerWhatsminer(raw, client, this.apiContext);
  }

  private replyInputs(): ReplyInputs {
    this.tick();
    return {
      model: this.model,
      reading: readWhatsminer(this.physics, this.seed, this.clock.now()),
      pools: this.poolList,
      mac: this.mac,
      pcbSerials: this.pcbSerials,
    };
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

  /** True values for tests; the app only ever sees protocol replies. */
  readState(): WhatsminerTrueState {
    this.tick();
    return trueWhatsminerState(this.physics, this.poolList);
  }

  /**
   * What adjust_power_limit does: 1..maxPowerLimitW W is accepted (the firmware refuses more than the machine's
   * ordinary power), then btminer restarts at the clock the new limit allows.
   */
  setPowerLimitW(watts: number): boolean {
    if (!Number.isInteger(watts) || watts < 1 || watts > this.model.maxPowerLimitW) return false;
    this.tick();
    this.physics.powerLimitW = watts;
    this.restartMiner();
    return true;
  }

  /** restart_btminer: counters start over and the tokens btminer issued are forgotten. */
  restartMiner(): void {
    this.tick();
    restartMiner(this.physics);
    this.tokens.forgetAll();
  }

  setAmbientC(celsius: number): void {
    if (!(celsius > -40 && celsius < 60)) throw new RangeError(`ambient must be -40..60 °C, got ${celsius}`);
    this.tick();
    this.physics.ambientC = celsius;
  }

  /** How many get_token replies the rig has given: lets tests see whether a client reuses its token. */
  get tokensIssued(): number {
    return this.tokens.issuedCount;
  }

  activeFaults(): readonly Fault[] {
    return [...this.faults];
  }

  async injectFault(fault: Fault): Promise<void> {
    validateWhatsminerFault(this.model, fault);
    this.tick();
    this.faults = [...this.faults.filter((existing) => !sameFaultSlot(existing, fault)), fault];
    applyFaults(this.physics, this.faults);
    if (fault.kind === 'unreachable') await this.closeServer();
  }

  async clearFault(kind: FaultKind, target?: number): Promise<void> {
    this.tick();
    this.faults = this.faults.filter((fault) => {
      if (fault.kind !== kind) return true;
      if (target === undefined) return false;
      return !(('board' in fault && fault.board === target) || ('fan' in fault && fault.fan === target));
    });
    applyFaults(this.physics, this.faults);
    if (kind === 'unreachable' && !this.stopped) await this.start();
  }

  async clearAllFaults(): Promise<void> {
    for (const kind of new Set(this.faults.map((fault) => fault.kind))) await this.clearFault(kind);
  }
}
