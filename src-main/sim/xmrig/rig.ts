// A virtual XMRig rig: its physics and config behind XMRig's HTTP API on its own loopback address. The request
// handling follows xmrig/xmrig src/base/api/Httpd.cpp step by step: OPTIONS answers at once; methods other than
// DELETE/GET/HEAD/POST/PUT are 405; then auth (no Authorization header: 401 when a token is set or the API is
// unrestricted; a header when no token is set: 401; a malformed or wrong "Bearer <token>": 403); then, for anything
// but GET, 403 on a restricted API and 415 unless Content-Type is exactly application/json. Routes: Base.cpp
// (GET /{1,2}/config 403 when restricted; PUT/POST config 204 or 400), HttpApiRequest.cpp (/json_rpc replies), the
// summary and backends replies in replies.ts. Every error body is {"status":N,"error":"<reason>"} with XMRig's CORS
// headers (HttpApiResponse.cpp).
import { STATUS_CODES } from 'node:http';
import { assertLoopback } from '../addresses.js';
import { systemClock, type Clock } from '../clock.js';
import { sameFaultSlot, type Fault, type FaultKind } from '../faults.js';
import { HttpRigServer, type HttpRigReply, type HttpRigRequest } from '../http-rig-server.js';
import { mixSeed, mulberry32 } from '../random.js';
import type { SimulatedRig } from '../simulated-rig.js';
import {
  activePool,
  cpuThreadCount,
  defaultConfig,
  httpSettings,
  loadable,
  type HttpSettings,
  type XmrigConfig,
} from './config.js';
import { XMRIG_MODELS, type XmrigRigKind, type XmrigRigModel } from './models.js';
import { advanceXmrig, createXmrigPhysics, reconnect, settleXmrig, totalRate, type XmrigPhysics } from './physics.js';
import { backendsReply, summaryReply } from './replies.js';

export interface VirtualXmrigOptions {
  host: string;
  /** XMRig has no default port; Rigwise scans 8080. 0 picks a free port (read rig.port after start()). */
  port?: number;
  kind: XmrigRigKind;
  seed: number;
  /** The API's access token; null for none. Default "rigwise-sim-token". */
  accessToken?: string | null;
  /** "restricted": true refuses config and control. Default false (remote control allowed, token required). */
  restricted?: boolean;
  clock?: Clock;
  ambientC?: number;
  uptimeS?: number;
}

export interface XmrigTrueState {
  hashrateHs: number;
  paused: boolean;
  cpuThreads: number;
  poolUrl: string | null;
  gpuTempsC: number[];
  config: XmrigConfig;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, PUT, POST, DELETE',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
};
const RPC_METHODS = new Set(['pause', 'resume', 'stop', 'start']);

function apiError(status: number): HttpRigReply {
  return { status, body: { status, error: STATUS_CODES[status] ?? 'Error' }, headers: CORS };
}

function ok(body: unknown, status = 200): HttpRigReply {
  return { status, body, headers: CORS };
}

export class VirtualXmrig implements SimulatedRig {
  readonly family = 'xmrig' as const;
  readonly host: string;
  readonly model: XmrigRigModel;
  readonly seed: number;
  readonly clock: Clock;
  private readonly physics: XmrigPhysics;
  private readonly server: HttpRigServer;
  private config: XmrigConfig;
  private http: HttpSettings;
  private faults: Fault[] = [];
  private stopped = false;
  private requests = 0;

  constructor(options: VirtualXmrigOptions) {
    assertLoopback(options.host);
    this.host = options.host;
    this.model = XMRIG_MODELS[options.kind];
    this.seed = options.seed;
    this.clock = options.clock ?? systemClock;
    this.http = {
      token: options.accessToken === undefined ? 'rigwise-sim-token' : options.accessToken,
      restricted: options.restricted ?? false,
    };
    const port = options.port ?? 8080;
    this.config = defaultConfig(this.model, this.http, port);
    this.physics = createXmrigPhysics(this.model, this.seed, this.clock.now(), options.ambientC);
    settleXmrig(
      this.physics,
      options.uptimeS ?? Math.round(3600 + mulberry32(mixSeed(this.seed, 0x0b007))() * 3 * 86_400),
    );
    this.server = new HttpRigServer({
      host: this.host,
      port,
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

  /** The token the rig wants, for tests; null when none is set. */
  get accessToken(): string | null {
    return this.http.token;
  }

  async start(): Promise<void> {
    if (this.stopped) throw new Error(`rig ${this.host} was stopped; create a new one`);
    if (this.faults.some((fault) => fault.kind === 'unreachable')) return;
    await this.server.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.server.stop();
  }

  readState(): XmrigTrueState {
    advanceXmrig(this.physics, this.clock.now());
    return {
      hashrateHs: totalRate(this.physics),
      paused: this.physics.paused,
      cpuThreads: this.physics.cpuThreads,
      poolUrl: activePool(this.config)?.url ?? null,
      gpuTempsC: this.physics.gpus.map((gpu) => gpu.tempC),
      config: structuredClone(this.config),
    };
  }

  async injectFault(fault: Fault): Promise<void> {
    this.validate(fault);
    advanceXmrig(this.physics, this.clock.now());
    this.faults = [...this.faults.filter((existing) => !sameFaultSlot(existing, fault)), fault];
    this.applyPhysicalFaults();
    if (fault.kind === 'unreachable') await this.server.stop();
  }

  async clearFault(kind: FaultKind, target?: number): Promise<void> {
    advanceXmrig(this.physics, this.clock.now());
    this.faults = this.faults.filter((fault) => {
      if (fault.kind !== kind) return true;
      if (target === undefined) return false;
      return !(('board' in fault && fault.board === target) || ('fan' in fault && fault.fan === target));
    });
    this.applyPhysicalFaults();
    if (kind === 'unreachable' && !this.stopped) await this.start();
  }

  /** Physical faults concern GPUs (board and fan indexes are GPU indexes, in /2/backends order); a CPU has none here. */
  private validate(fault: Fault): void {
    const gpus = this.physics.gpus.length;
    const gpuIndex = fault.kind === 'deadBoard' ? fault.board : fault.kind === 'failingFan' ? fault.fan : null;
    if (fault.kind === 'degradedBoard')
      throw new RangeError('degradedBoard has no meaning for a GPU or CPU; use deadBoard');
    if ((fault.kind === 'overheat' || gpuIndex !== null) && gpus === 0) {
      throw new RangeError(`${fault.kind} needs a GPU; this XMRig rig mines on its CPU only`);
    }
    if (gpuIndex !== null && !(Number.isInteger(gpuIndex) && gpuIndex >= 0 && gpuIndex < gpus)) {
      throw new RangeError(`GPU index must be 0..${gpus - 1}, got ${gpuIndex}`);
    }
  }

  private applyPhysicalFaults(): void {
    this.physics.gpus.forEach((gpu, index) => {
      gpu.dead = this.faults.some((fault) => fault.kind === 'deadBoard' && fault.board === index);
      gpu.fanFailed = this.faults.some((fault) => fault.kind === 'failingFan' && fault.fan === index);
    });
    const overheating = this.faults.some((fault) => fault.kind === 'overheat');
    if (!overheating) this.physics.overheatSinceS = null;
    else this.physics.overheatSinceS ??= this.physics.elapsedS;
  }

  private authStatus(header: string | undefined): number {
    const { token, restricted } = this.http;
    if (header === undefined) return !restricted || token !== null ? 401 : 200;
    if (token === null) return 401;
    if (header.length < 8 || token.length !== header.length - 7 || !header.startsWith('Bearer ')) return 403;
    return header.slice(7) === token ? 200 : 403;
  }

  /** PUT /2/config: XMRig loads the new config whole (Base::reload) and applies what changed. */
  private reload(body: unknown): HttpRigReply {
    if (!loadable(body)) return apiError(400);
    const before = activePool(this.config);
    this.config = structuredClone(body);
    const after = activePool(this.config);
    if (before?.url !== after?.url || before?.tls !== after?.tls) reconnect(this.physics);
    this.physics.cpuThreads = cpuThreadCount(this.config, this.model.algo, this.model.cpu.threads);
    this.http = httpSettings(this.config, this.http);
    return { status: 204, body: '', headers: CORS };
  }

  private rpc(body: unknown): HttpRigReply {
    const request =
      typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
    const id = request?.['id'] ?? null;
    const reply = (member: Record<string, unknown>): HttpRigReply => ok({ ...member, jsonrpc: '2.0', id });
    if (request === null) return reply({ error: { code: -32700, message: 'Parse error' } });
    const method = request['method'];
    if (typeof method !== 'string' || method.length === 0)
      return reply({ error: { code: -32600, message: 'Invalid Request' } });
    if (!RPC_METHODS.has(method)) return reply({ error: { code: -32601, message: 'Method not found' } });
    this.physics.paused = method === 'pause' || method === 'stop';
    return reply({ result: { status: 'OK' } });
  }

  private handle(request: HttpRigRequest): HttpRigReply {
    advanceXmrig(this.physics, this.clock.now());
    const { method, path } = request;
    if (method === 'OPTIONS') return { status: 200, body: '', headers: CORS };
    if (!['DELETE', 'GET', 'HEAD', 'POST', 'PUT'].includes(method)) return apiError(405);
    const authorization = request.headers['authorization'];
    const status = this.authStatus(typeof authorization === 'string' ? authorization : undefined);
    if (status !== 200) return apiError(status);
    if (method !== 'GET') {
      if (this.http.restricted) return apiError(403);
      if (request.headers['content-type'] !== 'application/json') return apiError(415);
    }
    const context = {
      physics: this.physics,
      config: this.config,
      restricted: this.http.restricted,
      seed: this.seed,
      host: this.host,
      nowMs: this.clock.now(),
    };
    if (method === 'GET' && (path === '/2/summary' || path === '/1/summary' || path === '/api.json'))
      return ok(summaryReply(context));
    if (method === 'GET' && path === '/2/backends') return ok(backendsReply(context));
    if (path === '/2/config' || path === '/1/config') {
      if (method === 'GET') return this.http.restricted ? apiError(403) : ok(structuredClone(this.config));
      if (method === 'PUT' || method === 'POST') return this.reload(request.body);
    }
    if (method === 'POST' && path === '/json_rpc') return this.rpc(request.body);
    return apiError(404);
  }
}
