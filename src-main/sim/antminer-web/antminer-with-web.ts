// A stock-firmware Antminer with both of its interfaces: the cgminer API on 4028 (a VirtualRig, read-only as on real
// stock firmware) and the web CGI on port 80 of the same address, behind Digest auth (PROTOCOLS.md A2). The web conf
// drives the rig: new pools show in the API's `pools`, sleep (miner-mode 1) switches every hashboard off (on a real
// sleeping S19 `stats` shows every chip 'x' and zero rates: foreman-apps AntminerPowerModeITest "Antminer S19"), low
// power (3) lowers the clocks, reboot.cgi takes both interfaces down and brings the rig back with its uptime at zero.
// Built around VirtualRig without changing it: sleep is held as deadBoard faults this wrapper owns (kept apart from
// the faults a test injects), pools through WebConfiguredRig. See README.md for the hooks that would simplify it.
import type { RigFamily } from '../../../src-shared/model/rig.js';
import { sameFaultSlot, type Fault, type FaultKind } from '../faults.js';
import { HttpRigServer } from '../http-rig-server.js';
import { mixSeed, mulberry32 } from '../random.js';
import type { VirtualRigOptions } from '../rig.js';
import { SIM_POOLS } from '../reply-summary.js';
import type { RigTrueState } from '../rig-state.js';
import type { SimulatedRig } from '../simulated-rig.js';
import { DigestGuard } from './digest-guard.js';
import { WebConfiguredRig } from './web-rig.js';
import { routeWebRequest } from './web-routes.js';
import { initialConf, type WebConf } from './web-conf.js';

export const ANTMINER_WEB_PASSWORD = 'root';
const LOW_POWER_CLOCK = 0.8;

export interface AntminerWithWebOptions extends VirtualRigOptions {
  /** 80 like real firmware; 0 picks a free port (read it back from webPort after start()). */
  webPort?: number;
  /** The web admin password (user "root"); stock default "root". */
  webPassword?: string;
  /** How long a reboot keeps both interfaces down. */
  rebootDelayMs?: number;
}

/** The board or fan a fault sits on, if any. */
function slotOf(fault: Fault): number | null {
  if ('board' in fault) return fault.board;
  if ('fan' in fault) return fault.fan;
  return null;
}

export class AntminerWithWeb implements SimulatedRig {
  readonly family: RigFamily = 'cgminer';
  readonly host: string;
  private rig: WebConfiguredRig;
  private readonly web: HttpRigServer;
  private readonly guard: DigestGuard;
  private conf: WebConf;
  private faults: Fault[] = [];
  private stopped = false;
  private rebooting: Promise<void> | null = null;
  private rebootTimer: NodeJS.Timeout | null = null;
  private readonly password: string;
  private readonly rebootDelayMs: number;
  private boots = 0;
  /** The work mode whose clocks are in force, so a pools-only change leaves clocks a test set alone. */
  private clocksForMode: number | null = 0;

  constructor(private readonly options: AntminerWithWebOptions) {
    this.host = options.host;
    this.password = options.webPassword ?? ANTMINER_WEB_PASSWORD;
    this.rebootDelayMs = options.rebootDelayMs ?? 1000;
    this.rig = new WebConfiguredRig(options, () => this.conf.pools);
    const worker = this.rig.identity.workerName;
    this.conf = initialConf(
      this.rig.model,
      SIM_POOLS.map((url) => ({ url, user: worker, pass: 'x' })),
    );
    const random = mulberry32(mixSeed(options.seed, 0xd16e57));
    this.guard = new DigestGuard('root', () => this.password, random);
    this.web = new HttpRigServer({
      host: options.host,
      port: options.webPort ?? 80,
      faults: () => this.faults,
      random: () => mulberry32(mixSeed(options.seed, 0x3eb, Math.floor(random() * 1e9))),
      handle: (request) =>
        routeWebRequest(request, {
          guard: this.guard,
          model: this.rig.model,
          identity: this.rig.identity,
          host: this.host,
          conf: () => this.conf,
          setConf: (conf) => this.setConf(conf),
          reboot: () => this.scheduleReboot(),
        }),
    });
  }

  get port(): number {
    return this.rig.port;
  }

  get webPort(): number {
    return this.web.port;
  }

  get modelName(): string {
    return this.rig.modelName;
  }

  /** The cgminer side as it is now (a reboot replaces it). */
  get cgminer(): WebConfiguredRig {
    return this.rig;
  }

  /** The web configuration as the rig holds it now. */
  webConf(): WebConf {
    return structuredClone(this.conf);
  }

  /** How many times reboot.cgi restarted the rig. */
  get rebootCount(): number {
    return this.boots;
  }

  readState(): RigTrueState {
    return this.rig.readState();
  }

  async start(): Promise<void> {
    if (this.stopped) throw new Error(`rig ${this.host} was stopped; create a new one`);
    await this.rig.start();
    if (!this.unreachable()) await this.web.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.rebootTimer) clearTimeout(this.rebootTimer);
    await this.rebooting?.catch(() => undefined);
    await Promise.all([this.rig.stop(), this.web.stop()]);
  }

  async injectFault(fault: Fault): Promise<void> {
    await this.rig.injectFault(fault);
    this.faults = [...this.faults.filter((existing) => !sameFaultSlot(existing, fault)), fault];
    if (fault.kind === 'unreachable') await this.web.stop();
  }

  async clearFault(kind: FaultKind, target?: number): Promise<void> {
    this.faults = this.faults.filter((fault) => {
      if (fault.kind !== kind) return true;
      if (target === undefined) return false;
      return slotOf(fault) !== target;
    });
    const sleeping = this.conf.workMode === 1;
    if (kind === 'deadBoard' && sleeping) return; // the boards stay off while the rig sleeps
    await this.rig.clearFault(kind, target);
    if (kind === 'unreachable' && !this.stopped && !this.rebooting) await this.web.start();
  }

  private unreachable(): boolean {
    return this.faults.some((fault) => fault.kind === 'unreachable');
  }

  /** Applies a conf the web interface accepted: the work mode takes effect at once (real firmware restarts bmminer). */
  private setConf(conf: WebConf): void {
    this.conf = conf;
    void this.applyWorkMode().catch(() => undefined);
  }

  private async applyWorkMode(force = false): Promise<void> {
    const rig = this.rig;
    const { model } = rig;
    const mode = this.conf.workMode;
    for (let board = 0; board < model.boards; board += 1) {
      const testDead = this.faults.some((fault) => fault.kind === 'deadBoard' && fault.board === board);
      if (mode === 1) await rig.injectFault({ kind: 'deadBoard', board });
      else if (!testDead) await rig.clearFault('deadBoard', board);
    }
    const lowPower = mode === 3;
    if (!force && lowPower === (this.clocksForMode === 3)) return;
    this.clocksForMode = mode;
    const clock = lowPower
      ? Math.max(model.minFrequencyMhz, Math.round(model.nominalFrequencyMhz * LOW_POWER_CLOCK))
      : model.nominalFrequencyMhz;
    rig.setFrequencyMhz(clock);
  }

  private scheduleReboot(): void {
    if (this.rebooting || this.stopped) return;
    // Answer the request first, then go down, as the CGI does.
    this.rebooting = new Promise<void>((resolve) => {
      this.rebootTimer = setTimeout(() => {
        this.rebootTimer = null;
        this.reboot().then(resolve, resolve);
      }, 100);
    }).finally(() => (this.rebooting = null));
  }

  private async reboot(): Promise<void> {
    const { port } = this.rig;
    await Promise.all([this.rig.stop(), this.web.stop()]);
    await new Promise<void>((resolve) => {
      this.rebootTimer = setTimeout(resolve, this.rebootDelayMs);
    });
    this.rebootTimer = null;
    if (this.stopped) return;
    this.boots += 1;
    this.rig = new WebConfiguredRig({ ...this.options, port, uptimeS: 0 }, () => this.conf.pools);
    for (const fault of this.faults) await this.rig.injectFault(fault);
    await this.applyWorkMode(true);
    await this.rig.start();
    if (!this.unreachable()) await this.web.start();
  }
}
