// CGMiner/BMMiner family driver (Antminer stock firmware, Avalon, other cgminer forks) over TCP 4028.
// Sources: kanoi/cgminer API-README (transport, STATUS section, commands); captured Antminer S17 Pro/S19/S19 Pro
// replies and pyasic's parsing quirks, both in ../shared/PROTOCOLS.md A1.
import { NO_CAPABILITIES, type Capabilities, type RigChange } from '../../../../src-shared/model/control.js';
import type { RigIdentity, RigSnapshot } from '../../../../src-shared/model/rig.js';
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { ApplyTarget, Driver, ProbeTarget, ReadTarget } from '../driver.js';
import { askCgminer } from './ask.js';
import { cgminerFlavour } from './flavour.js';
import { identityFromReplies } from './identity.js';
import { parseCgminerReply, splitMultiReply, type JsonObject, type ParseOutcome } from './parse.js';
import { chainStats, snapshotFromReplies } from './snapshot.js';
import { sendCgminerCommand } from './transport.js';

const READ_COMMANDS = ['summary', 'stats', 'pools', 'devs'] as const;
/** Antminers report every board in `stats`; their `devs` adds nothing, so it is not asked for again. */
const READ_COMMANDS_WITH_CHAIN_STATS = ['summary', 'stats', 'pools'] as const;

function valueOf(outcome: ParseOutcome | undefined): JsonObject | null {
  return outcome?.ok ? outcome.value : null;
}

export class CgminerDriver implements Driver {
  readonly family = 'cgminer' as const;
  readonly ports = [4028] as const;
  /** Rigs that answered a `a+b` multi-command with an error: pyasic notes some S19 firmwares do not support it. */
  private readonly noMultiCommand = new Set<string>();
  /** Rigs whose `stats` carries per-chain figures. */
  private readonly hasChainStats = new Set<string>();

  async probe(target: ProbeTarget, signal: AbortSignal): Promise<RigIdentity | null> {
    const deadline = Date.now() + target.timeoutMs;
    const version = await target.cgminerVersion();
    if (!version.ok || !('VERSION' in version.value) || cgminerFlavour(version.value) !== 'cgminer') return null;
    // The MAC and hostname come from `config` where the firmware gives them; the rig is identified without it.
    const remainingMs = deadline - Date.now();
    const config = remainingMs > 20 ? await askCgminer(target.host, target.port, 'config', remainingMs, signal) : null;
    return identityFromReplies(target.host, target.port, version.value, valueOf(config ?? undefined));
  }

  capabilities(_identity: RigIdentity): Capabilities {
    // Control of cgminer-family rigs (privileged API commands, Antminer web CGI) is being built; until then none.
    return NO_CAPABILITIES;
  }

  apply(target: ApplyTarget, change: RigChange): Promise<void> {
    return Promise.reject(
      new RigwiseError('RIG_ERROR', `${target.identity.model} does not support "${change.kind}" from Rigwise yet.`),
    );
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
    return snapshotFromReplies(
      {
        summary: valueOf(summary),
        stats: valueOf(stats),
        pools: valueOf(replies.get('pools')),
        devs: valueOf(replies.get('devs')),
      },
      model,
      Date.now(),
    );
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
