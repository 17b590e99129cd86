// CGMiner/BMMiner family driver (Antminer stock firmware, Avalon, other cgminer/sgminer forks, TeamRedMiner) over
// TCP 4028, with control through the Antminer web CGI on port 80 or the privileged cgminer API.
// Sources: kanoi/cgminer and ckolivas/cgminer API-README (transport, STATUS section, commands, privileged commands);
// captured Antminer S17 Pro/S19/S19 Pro replies and pyasic's parsing quirks (../shared/PROTOCOLS.md A1); the Antminer
// web CGI (PROTOCOLS.md A2; pyasic pyasic/web/antminer.py; foreman-apps foreman-antminer Stock*Action.java);
// TeamRedMiner 0.3.10 replies and README (PROTOCOLS.md A7; todxx/teamredminer README.md). See README.md here.
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { Capabilities, RigChange } from '../../../../src-shared/model/control.js';
import type { RigIdentity, RigSnapshot } from '../../../../src-shared/model/rig.js';
import type { ApplyTarget, Driver, ProbeTarget, ReadTarget } from '../driver.js';
import { ANTMINER_WEB_PORT, applyAntminerWebChange } from './antminer-web.js';
import { askCgminer } from './ask.js';
import { capabilitiesOf, controlPathOf, refusalReason } from './capabilities.js';
import { cgminerFlavour } from './flavour.js';
import { identityFromReplies } from './identity.js';
import { parseCgminerReply, splitMultiReply, type JsonObject, type ParseOutcome } from './parse.js';
import { replacePoolsViaApi, restartViaApi } from './privileged.js';
import { chainStats, markAsleep, snapshotFromReplies } from './snapshot.js';
import { teamRedMinerIdentity, teamRedMinerVersion } from './teamredminer.js';
import { sendCgminerCommand } from './transport.js';

const READ_COMMANDS = ['summary', 'stats', 'pools', 'devs'] as const;
/** Antminers report every board in `stats`; their `devs` adds nothing, so it is not asked for again. */
const READ_COMMANDS_WITH_CHAIN_STATS = ['summary', 'stats', 'pools'] as const;

function valueOf(outcome: ParseOutcome | undefined): JsonObject | null {
  return outcome?.ok ? outcome.value : null;
}

export interface CgminerDriverOptions {
  /** Port of the Antminer web interface: 80 on every real rig; tests point it at a simulator. */
  antminerWebPort?: number;
}

export class CgminerDriver implements Driver {
  readonly family = 'cgminer' as const;
  readonly ports = [4028] as const;
  private readonly antminerWebPort: number;
  /** Rigs that answered a `a+b` multi-command with an error: pyasic notes some S19 firmwares do not support it. */
  private readonly noMultiCommand = new Set<string>();
  /** Rigs whose `stats` carries per-chain figures. */
  private readonly hasChainStats = new Set<string>();
  /**
   * Rigs this driver put to sleep. A sleeping S19 reports zero rates and failed chips, the same as a broken one, and
   * its work mode is only readable with the web password; so read() says paused when a rig Rigwise paused is idle.
   */
  private readonly pausedByRigwise = new Set<string>();

  constructor(options: CgminerDriverOptions = {}) {
    this.antminerWebPort = options.antminerWebPort ?? ANTMINER_WEB_PORT;
  }

  async probe(target: ProbeTarget, signal: AbortSignal): Promise<RigIdentity | null> {
    const deadline = Date.now() + target.timeoutMs;
    const version = await target.cgminerVersion();
    if (!version.ok || cgminerFlavour(version.value) !== 'cgminer') return null;
    const remainingMs = deadline - Date.now();
    if (teamRedMinerVersion(version.value) !== null) {
      // TeamRedMiner names no card: the model counts the GPUs in `devs`.
      const devs = remainingMs > 20 ? await askCgminer(target.host, target.port, 'devs', remainingMs, signal) : null;
      return teamRedMinerIdentity(target.host, target.port, version.value, valueOf(devs ?? undefined));
    }
    if (!('VERSION' in version.value)) return null;
    // The MAC and hostname come from `config` where the firmware gives them; the rig is identified without it.
    const config = remainingMs > 20 ? await askCgminer(target.host, target.port, 'config', remainingMs, signal) : null;
    return identityFromReplies(target.host, target.port, version.value, valueOf(config ?? undefined));
  }

  capabilities(identity: RigIdentity): Capabilities {
    return capabilitiesOf(identity);
  }

  async apply(target: ApplyTarget, change: RigChange, signal: AbortSignal): Promise<void> {
    const { identity } = target;
    const refused = refusalReason(capabilitiesOf(identity), change);
    if (refused !== null) {
      throw new RigwiseError(
        'RIG_ERROR',
        `${identity.model} at ${identity.host} does not support ${refused} from Rigwise.`,
      );
    }
    const key = `${identity.host}:${identity.port}`;
    switch (controlPathOf(identity)) {
      case 'antminer-web':
        await this.applyViaWeb(target, change, signal);
        if (change.kind === 'pause') this.pausedByRigwise.add(key);
        if (change.kind === 'resume') this.pausedByRigwise.delete(key);
        return;
      case 'cgminer-api':
        await this.applyViaApi(target, change, signal);
        return;
      case 'read-only':
        throw new RigwiseError('RIG_ERROR', `${identity.model}'s API only reports; change it on the rig itself.`);
    }
  }

  private async applyViaWeb(target: ApplyTarget, change: RigChange, signal: AbortSignal): Promise<void> {
    const web = {
      host: target.identity.host,
      webPort: this.antminerWebPort,
      password: target.credential,
      timeoutMs: target.timeoutMs,
    };
    switch (change.kind) {
      case 'pools':
      case 'pause':
      case 'resume':
      case 'restart':
        return applyAntminerWebChange(web, change, signal);
      case 'powerTarget':
      case 'frequency':
      case 'voltage':
      case 'threads':
        throw new RigwiseError(
          'RIG_ERROR',
          `Stock Antminer firmware has no "${change.kind}" setting Rigwise can write.`,
        );
    }
  }

  private async applyViaApi(target: ApplyTarget, change: RigChange, signal: AbortSignal): Promise<void> {
    const api = { host: target.identity.host, port: target.identity.port };
    switch (change.kind) {
      case 'pools':
        return replacePoolsViaApi(api, change.pools, target.timeoutMs, signal);
      case 'restart':
        return restartViaApi(api, target.timeoutMs, signal);
      case 'pause':
      case 'resume':
      case 'powerTarget':
      case 'frequency':
      case 'voltage':
      case 'threads':
        throw new RigwiseError('RIG_ERROR', `The cgminer API has no "${change.kind}" command Rigwise can send.`);
    }
  }

  async read(target: ReadTarget, signal: AbortSignal): Promise<RigSnapshot> {
    const { host, port, model } = target.identity;
    const key = `${host}:${port}`;
    const commands = this.hasChainStats.has(key) ? READ_COMMANDS_WITH_CHAIN_STATS : READ_COMMANDS;
    const replies = await this.readAll(host, port, commands, target.timeoutMs, signal);
    const summary = replies.get('summary');
    const stats = replies.get('stats');
    if (chainStats(valueOf(stats))) this.hasChainStats.add(key);
    if (!summary?.ok && !stats?.ok) {
      if (summary && !summary.ok) throw summary.error;
      throw new RigwiseError('RIG_BAD_REPLY', 'The rig sent neither summary nor stats.');
    }
    const snapshot = snapshotFromReplies(
      {
        summary: valueOf(summary),
        stats: valueOf(stats),
        pools: valueOf(replies.get('pools')),
        devs: valueOf(replies.get('devs')),
      },
      model,
      Date.now(),
    );
    if (snapshot.control.paused === false) this.pausedByRigwise.delete(key);
    if (snapshot.control.paused === null && this.pausedByRigwise.has(key)) return markAsleep(snapshot);
    return snapshot;
  }

  /** One connection for all four commands where the firmware allows it; one each, concurrently, where it does not. */
  private async readAll(
    host: string,
    port: number,
    commands: readonly string[],
    timeoutMs: number,
    signal: AbortSignal,
  ): Promise<Map<string, ParseOutcome>> {
    const key = `${host}:${port}`;
    if (!this.noMultiCommand.has(key)) {
      const raw = await sendCgminerCommand(host, port, commands.join('+'), { timeoutMs, signal });
      const parsed = parseCgminerReply(raw);
      if (parsed.ok && commands.some((name) => name in parsed.value)) return splitMultiReply(parsed.value, commands);
      if (!parsed.ok && parsed.error.code !== 'RIG_ERROR') throw parsed.error;
      this.noMultiCommand.add(key);
    }
    const outcomes = await Promise.all(
      commands.map(async (name) => [name, await askCgminer(host, port, name, timeoutMs, signal)] as const),
    );
    return new Map(outcomes);
  }
}
