// A virtual AxeOS rig (Bitaxe Gamma/Supra/Ultra on ESP-Miner, NerdQAxe++): its physics and stored settings behind
// the real HTTP API on its own loopback address, port 80 like the real thing. Routes follow bitaxeorg/ESP-Miner
// main/http_server/http_server.c: GET /api/system/info and /api/system/asic, PATCH /api/system (200, empty body),
// POST /api/system/restart ({"message":"System will restart shortly."}, then a reboot: the rig stops answering for a
// moment and comes back with its counters and uptime at zero), OPTIONS on /api/*, unknown /api/* routes 404
// {"error":"unknown route"}, GET / the AxeOS page, anything else a 302 to "/". The firmware's "allowed network range"
// check (private ranges only) is not reproduced: loopback would fail it.
import { assertLoopback } from '../addresses.js';
import { systemClock, type Clock } from '../clock.js';
import { sameFaultSlot, type Fault, type FaultKind } from '../faults.js';
import { HttpRigServer, type HttpRigReply, type HttpRigRequest } from '../http-rig-server.js';
import { mixSeed, mulberry32 } from '../random.js';
import type { SimulatedRig } from '../simulated-rig.js';
import { AXE_MODELS, type AxeModel, type AxeModelName } from './models.js';
import { advanceAxe, axeRates, createAxePhysics, rebootAxe, settleAxe, type AxePhysics } from './physics.js';
import { AXEOS_HTML, asicReply, espMinerInfo, nerdqaxeInfo } from './replies.js';
import { patchSettings, type AxeSettings } from './settings.js';

export interface VirtualBitaxeOptions {
  host: string;
  /** 80 like real firmware; 0 picks a free port (read rig.port after start()). */
  port?: number;
  model: AxeModelName;
  seed: number;
  clock?: Clock;
  ambientC?: number;
  uptimeS?: number;
  /** How long a restart keeps the rig off the network (real boards take several seconds). Default 1500 ms. */
  restartDownMs?: number;
}

export interface AxeTrueState {
  hashrateThs: number;
  powerW: number;
  chipTempC: number;
  frequencyMhz: number;
  voltageMv: number;
  errorFraction: number;
  uptimeS: number;
  overheatMode: boolean;
  settings: AxeSettings;
}

export interface SteadyState {
  hashrateThs: number;
  powerW: number;
  /** Share of work lost to wrong nonces (0.01: 1 %). */
  errorFraction: number;
  chipTempC: number;
  /** Overheat protection would have stopped it. */
  protectionTripped: boolean;
}

/** The reply leaves before the reboot, as the firmware waits a second before esp_restart(). */
const RESTART_REPLY_MS = 100;

function defaultSettings(model: AxeModel, seed: number): AxeSettings {
  const worker = `bc1qsim${(seed % 100_000).toString(36)}`;
  return {
    hostname: model.flavour === 'nerdqaxe' ? 'nerdqaxe' : 'bitaxe',
    ssid: 'FarmNet',
    stratumURL: 'public-pool.test',
    stratumPort: 21496,
    stratumUser: `${worker}.${model.deviceModel.toLowerCase().replace(/\W/g, '')}`,
    stratumPassword: 'x',
    fallbackStratumURL: 'solo.ckpool.test',
    fallbackStratumPort: 3333,
    fallbackStratumUser: `${worker}.fallback`,
    fallbackStratumPassword: 'x',
    frequency: model.nominalFrequencyMhz,
    coreVoltage: model.nominalVoltageMv,
    autofanspeed: 1,
    fanspeed: 100,
    overclockEnabled: 0,
    overheat_mode: 0,
    flipscreen: 1,
    invertscreen: 0,
    invertfanpolarity: 1,
  };
}

export class VirtualBitaxe implements SimulatedRig {
  readonly family = 'axeos' as const;
  readonly host: string;
  readonly model: AxeModel;
  readonly seed: number;
  readonly clock: Clock;
  private readonly physics: AxePhysics;
  private readonly settings: AxeSettings;
  private readonly server: HttpRigServer;
  private readonly restartDownMs: number;
  private readonly timers = new Set<NodeJS.Timeout>();
  private faults: Fault[] = [];
  private stopped = false;
  private rebooting = false;
  private requests = 0;

  constructor(options: VirtualBitaxeOptions) {
    assertLoopback(options.host);
    this.host = options.host;
    this.model = AXE_MODELS[options.model];
    this.seed = options.seed;
    this.clock = options.clock ?? systemClock;
    this.restartDownMs = options.restartDownMs ?? 1500;
    this.physics = createAxePhysics(this.model, this.seed, this.clock.now(), options.ambientC);
    this.settings = defaultSettings(this.model, this.seed);
    const uptimeS = options.uptimeS ?? Math.round(7200 + mulberry32(mixSeed(this.seed, 0x0b007))() * 6.5 * 86_400);
    settleAxe(this.physics, uptimeS);
    this.server = new HttpRigServer({
      host: this.host,
      port: options.port ?? 80,
      faults: () => this.faults,
      handle: (request) => this.handle(request),
      random: () => mulberry32(mixSeed(this.seed, 0x9a7b, (this.requests += 1))),
    });
  }

  get port(): number {
    return this.server.port;
  }

  get modelName(): string {
    return this.model.identityModel;
  }

  get listening(): boolean {
    return this.server.listening;
  }

  async start(): Promise<void> {
    if (this.stopped) throw new Error(`rig ${this.host} was stopped; create a new one`);
    if (this.rebooting || this.faults.some((fault) => fault.kind === 'unreachable')) return;
    await this.server.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.server.stop();
  }

  /** True values for tests; the app only ever sees the HTTP replies. */
  readState(): AxeTrueState {
    advanceAxe(this.physics, this.clock.now());
    const rates = axeRates(this.physics);
    return {
      hashrateThs: rates.ghs / 1000,
      powerW: rates.powerW,
      chipTempC: this.physics.chipTempC,
      frequencyMhz: this.physics.frequencyMhz,
      voltageMv: this.physics.voltageMv,
      errorFraction: rates.errorFraction,
      uptimeS: this.physics.elapsedS,
      overheatMode: this.physics.overheatMode,
      settings: { ...this.settings },
    };
  }

  /**
   * The steady state this unit would settle at with these settings, from its hidden model (a copy: the rig itself is
   * untouched). Tests compare the optimizer's result with the true optimum this gives; the app never calls it.
   */
  steadyStateAt(frequencyMhz: number, voltageMv: number): SteadyState {
    const copy = createAxePhysics(this.model, this.seed, 0, this.physics.ambientC);
    copy.frequencyMhz = frequencyMhz;
    copy.voltageMv = voltageMv;
    copy.deadAsics = [...this.physics.deadAsics];
    settleAxe(copy, 0);
    advanceAxe(copy, 600_000);
    const rates = axeRates(copy);
    return {
      hashrateThs: rates.ghs / 1000,
      powerW: rates.powerW,
      errorFraction: rates.errorFraction,
      chipTempC: copy.chipTempC,
      protectionTripped: copy.overheatMode,
    };
  }

  async injectFault(fault: Fault): Promise<void> {
    this.validate(fault);
    advanceAxe(this.physics, this.clock.now());
    this.faults = [...this.faults.filter((existing) => !sameFaultSlot(existing, fault)), fault];
    this.applyPhysicalFaults();
    if (fault.kind === 'unreachable') await this.server.stop();
  }

  async clearFault(kind: FaultKind, _target?: number): Promise<void> {
    advanceAxe(this.physics, this.clock.now());
    this.faults = this.faults.filter((fault) => fault.kind !== kind);
    this.applyPhysicalFaults();
    if (kind === 'unreachable' && !this.stopped) await this.start();
  }

  private validate(fault: Fault): void {
    const wrong = (what: string): never => {
      throw new RangeError(`${this.model.name} ${what}`);
    };
    if ((fault.kind === 'deadBoard' || fault.kind === 'degradedBoard') && fault.board !== 0) wrong('has one board: 0');
    if (fault.kind === 'degradedBoard' && !(fault.failedChips >= 1 && fault.failedChips <= this.model.asicCount)) {
      wrong(`has ${this.model.asicCount} ASIC(s); failedChips must be 1..${this.model.asicCount}`);
    }
    if (fault.kind === 'failingFan' && fault.fan !== 0) wrong('has one fan: 0');
  }

  private applyPhysicalFaults(): void {
    const physics = this.physics;
    const dead = physics.asics.map(() => false);
    for (const fault of this.faults) {
      if (fault.kind === 'deadBoard') dead.fill(true);
      if (fault.kind === 'degradedBoard') {
        // Which ASICs fail is seeded per unit (Fisher-Yates), so the same rig always loses the same ones.
        const next = mulberry32(mixSeed(this.seed, 0xdead));
        const order = dead.map((_, index) => index);
        for (let last = order.length - 1; last > 0; last -= 1) {
          const pick = Math.floor(next() * (last + 1));
          [order[last], order[pick]] = [order[pick] ?? 0, order[last] ?? 0];
        }
        for (const index of order.slice(0, fault.failedChips)) dead[index] = true;
      }
    }
    physics.deadAsics = dead;
    physics.fanFailed = this.faults.some((fault) => fault.kind === 'failingFan');
    const overheating = this.faults.some((fault) => fault.kind === 'overheat');
    if (!overheating) physics.overheatSinceS = null;
    else physics.overheatSinceS ??= physics.elapsedS;
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  private reboot(): void {
    this.rebooting = true;
    this.later(RESTART_REPLY_MS, () => {
      void this.server.stop().then(() => {
        advanceAxe(this.physics, this.clock.now());
        rebootAxe(this.physics);
        this.later(this.restartDownMs, () => {
          this.rebooting = false;
          if (!this.stopped) void this.start().catch(() => undefined);
        });
      });
    });
  }

  private syncPhysics(): void {
    const physics = this.physics;
    physics.frequencyMhz = this.settings.frequency;
    physics.voltageMv = this.settings.coreVoltage;
    physics.autoFan = this.settings.autofanspeed === 1;
    physics.manualFanPct = this.settings.fanspeed;
  }

  private handle(request: HttpRigRequest): HttpRigReply {
    const nowMs = this.clock.now();
    advanceAxe(this.physics, nowMs);
    const { method, path } = request;
    if (method === 'OPTIONS' && path.startsWith('/api/')) return { status: 200, body: '' };
    const context = {
      model: this.model,
      physics: this.physics,
      settings: this.settings,
      host: this.host,
      seed: this.seed,
      nowMs,
    };
    if (method === 'GET' && path === '/api/system/info') {
      return { status: 200, body: this.model.flavour === 'nerdqaxe' ? nerdqaxeInfo(context) : espMinerInfo(context) };
    }
    if (method === 'GET' && path === '/api/system/asic') return { status: 200, body: asicReply(this.model) };
    if (method === 'PATCH' && path === '/api/system') {
      const outcome = patchSettings(this.settings, request.body, this.model.flavour);
      if (!outcome.ok) return { status: 400, body: outcome.message, headers: { 'Content-Type': 'text/html' } };
      this.syncPhysics();
      if (outcome.changed.includes('overheat_mode')) this.physics.overheatMode = false;
      return { status: 200, body: '' };
    }
    if (method === 'POST' && path === '/api/system/restart') {
      this.reboot();
      return { status: 200, body: { message: 'System will restart shortly.' } };
    }
    if (path.startsWith('/api/')) return { status: 404, body: { error: 'unknown route' } };
    if (method === 'GET' && (path === '/' || path === '/index.html')) {
      return { status: 200, body: AXEOS_HTML, headers: { 'Content-Type': 'text/html' } };
    }
    return { status: 302, body: 'Redirect to the captive portal', headers: { Location: '/' } };
  }
}
