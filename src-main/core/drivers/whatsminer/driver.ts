// Whatsminer (MicroBT btminer) driver over API v2 on TCP 4028.
// Sources: ../shared/PROTOCOLS.md A4 (API v2 read commands, privileged-command encryption, privileged commands) and
// section C (pyasic identification); pyasic pyasic/rpc/btminer.py (BTMinerRPCAPI) and
// pyasic/miners/backends/btminer.py (BTMinerV2 field reads); the Whatsminer API 2.0.5 document (message codes, token
// lifetime, adjust_power_limit); real replies from delawr0190/foreman-apps WhatsminerChangePoolsITest.java (fixtures/).
// Not covered: API v3 (TCP 4433, newer firmware), see README.md.
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import { NO_CAPABILITIES, type Capabilities, type RigChange } from '../../../../src-shared/model/control.js';
import type { RigIdentity, RigSnapshot } from '../../../../src-shared/model/rig.js';
import { askCgminer } from '../cgminer/ask.js';
import { cgminerFlavour } from '../cgminer/flavour.js';
import { parseCgminerReply, splitMultiReply, type JsonObject, type ParseOutcome } from '../cgminer/parse.js';
import { sendCgminerCommand } from '../cgminer/transport.js';
import type { ApplyTarget, Driver, ProbeTarget, ReadTarget } from '../driver.js';
import { firstEntry, stringField } from '../fields.js';
import { identityFromReplies, isWhatsminerReply } from './identity.js';
import { modelFromDisplay, powerLimitRangeW } from './models.js';
import { WhatsminerTokens, type PrivilegedCommand } from './privileged.js';
import { snapshotFromReplies } from './snapshot.js';

const MAIN_READ = ['summary', 'devs', 'pools'] as const;
/** update_pools takes exactly three pools (Whatsminer API 2.0.4 "Update pools information"). */
const MAX_POOLS = 3;
/** Below this much time left, another exchange cannot finish: give up instead of starting it. */
const MIN_EXCHANGE_MS = 30;

function valueOf(outcome: ParseOutcome | undefined | null): JsonObject | null {
  return outcome?.ok ? outcome.value : null;
}

/** A `version` reply that names another make (Antminer "Type", Avalon "PROD"): no need to ask anything else. */
function namesAnotherMake(version: JsonObject): boolean {
  const entry = firstEntry(version, 'VERSION');
  const type = stringField(entry?.['Type'] ?? entry?.['PROD'], 96);
  return type !== null && !/whatsminer|^m\d{2}/i.test(type);
}

function safeFlavour(reply: JsonObject): ReturnType<typeof cgminerFlavour> | null {
  try {
    return cgminerFlavour(reply);
  } catch {
    // A reply nested deeply enough makes JSON.stringify throw: not a rig we know (see identity.ts).
    return null;
  }
}

export class WhatsminerDriver implements Driver {
  readonly family = 'whatsminer' as const;
  readonly ports = [4028] as const;
  private readonly tokens: WhatsminerTokens;
  /** Rigs that answered a "summary+devs+pools" multi-command with an error. */
  private readonly noMultiCommand = new Set<string>();

  constructor(options: { nowMs?: () => number } = {}) {
    this.tokens = new WhatsminerTokens(options.nowMs);
  }

  async probe(target: ProbeTarget, signal: AbortSignal): Promise<RigIdentity | null> {
    try {
      return await this.identify(target, signal);
    } catch {
      return null;
    }
  }

  private async identify(target: ProbeTarget, signal: AbortSignal): Promise<RigIdentity | null> {
    const deadline = Date.now() + target.timeoutMs;
    const remainingMs = (): number => deadline - Date.now();
    const version = await target.cgminerVersion();
    let marked = false;
    if (version.ok) {
      const flavour = safeFlavour(version.value);
      if (flavour === 'bosminer' || flavour === null) return null;
      if (flavour === 'whatsminer') marked = true;
      else if (namesAnotherMake(version.value)) return null;
    } else if (version.error.code !== 'RIG_ERROR') {
      // Nothing listens, or what answers does not speak this API. A Whatsminer answers `version` with a btminer
      // error ("invalid cmd", fixtures/privileged.ts), which is RIG_ERROR: only that case is worth more questions.
      return null;
    }
    if (remainingMs() < MIN_EXCHANGE_MS) return null;
    // pyasic asks `devdetails` beside `version` for the same reason (PROTOCOLS.md C): its "bitmicro" driver name is the
    // marker, and its Model the model. get_version gives the firmware and API versions.
    const ask = (command: string): Promise<ParseOutcome> =>
      askCgminer(target.host, target.port, command, Math.max(1, remainingMs()), signal);
    const [devdetails, getVersion] = await Promise.all([ask('devdetails'), ask('get_version')]);
    const replies = { devdetails: valueOf(devdetails), getVersion: valueOf(getVersion), summary: null };
    if (!marked && !isWhatsminerReply(replies.devdetails) && !isWhatsminerReply(replies.getVersion)) return null;
    // The MAC (and the firmware on firmware without get_version) is in summary.
    const summary = remainingMs() >= MIN_EXCHANGE_MS ? valueOf(await ask('summary')) : null;
    return identityFromReplies(target.host, target.port, { ...replies, summary });
  }

  capabilities(identity: RigIdentity): Capabilities {
    return {
      ...NO_CAPABILITIES,
      pools: { max: MAX_POOLS },
      powerTargetW: powerLimitRangeW(modelFromDisplay(identity.model), identity.apiVersion),
      restart: true,
      needsCredential: 'adminPassword',
    };
  }

  async read(target: ReadTarget, signal: AbortSignal): Promise<RigSnapshot> {
    const { host, port, model } = target.identity;
    const [main, psu] = await Promise.all([
      this.readMain(host, port, target.timeoutMs, signal),
      // get_* commands cannot join a "+" multi-command (pyasic BTMinerRPCAPI.multicommand); older firmware lacks it.
      askCgminer(host, port, 'get_psu', target.timeoutMs, signal),
    ]);
    const summary = main.get('summary');
    const devs = main.get('devs');
    if (!summary?.ok && !devs?.ok) {
      if (summary && !summary.ok) throw summary.error;
      throw new RigwiseError('RIG_BAD_REPLY', 'The rig sent neither summary nor devs.');
    }
    return snapshotFromReplies(
      { summary: valueOf(summary), devs: valueOf(devs), pools: valueOf(main.get('pools')), psu: valueOf(psu) },
      model,
      Date.now(),
    );
  }

  /** summary, devs and pools on one connection where the firmware allows it (both captures show it does). */
  private async readMain(
    host: string,
    port: number,
    timeoutMs: number,
    signal: AbortSignal,
  ): Promise<Map<string, ParseOutcome>> {
    const key = `${host}:${port}`;
    if (!this.noMultiCommand.has(key)) {
      const parsed = parseCgminerReply(
        await sendCgminerCommand(host, port, MAIN_READ.join('+'), { timeoutMs, signal }),
      );
      if (parsed.ok && MAIN_READ.some((name) => name in parsed.value)) return splitMultiReply(parsed.value, MAIN_READ);
      if (!parsed.ok && parsed.error.code !== 'RIG_ERROR') throw parsed.error;
      this.noMultiCommand.add(key);
    }
    const outcomes = await Promise.all(
      MAIN_READ.map(async (name) => [name, await askCgminer(host, port, name, timeoutMs, signal)] as const),
    );
    return new Map(outcomes);
  }

  async apply(target: ApplyTarget, change: RigChange, signal: AbortSignal): Promise<void> {
    const command = this.commandFor(target.identity, change);
    if (target.credential === null || target.credential.length === 0) {
      throw new RigwiseError(
        'UNAUTHORIZED',
        `Changing ${target.identity.model} needs its admin password (the one set with WhatsMinerTool).`,
      );
    }
    const { host, port } = target.identity;
    await this.tokens.send({ host, port, credential: target.credential, timeoutMs: target.timeoutMs }, command, signal);
  }

  /** The privileged command for a change the capabilities offer; RIG_ERROR for anything else. */
  private commandFor(identity: RigIdentity, change: RigChange): PrivilegedCommand {
    const capabilities = this.capabilities(identity);
    const refuse = (why: string): RigwiseError => new RigwiseError('RIG_ERROR', `${identity.model}: ${why}`);
    switch (change.kind) {
      case 'pools': {
        if (change.pools.length > MAX_POOLS) throw refuse(`it takes at most ${MAX_POOLS} pools.`);
        // The firmware always takes three; unused slots are sent empty.
        const command: Record<string, string> = { cmd: 'update_pools' };
        for (let slot = 0; slot < MAX_POOLS; slot += 1) {
          const pool = change.pools[slot];
          command[`pool${slot + 1}`] = pool?.url ?? '';
          command[`worker${slot + 1}`] = pool?.user ?? '';
          command[`passwd${slot + 1}`] = pool?.password ?? '';
        }
        return command as PrivilegedCommand;
      }
      case 'powerTarget': {
        const range = capabilities.powerTargetW;
        if (!range) throw refuse('Rigwise knows no safe power-limit range for this model or firmware.');
        if (change.watts < range.min || change.watts > range.max) {
          throw refuse(`a power limit must be ${range.min}..${range.max} W, got ${change.watts} W.`);
        }
        // pyasic sends the limit as a string: adjust_power_limit(power_limit=str(power_limit)).
        return { cmd: 'adjust_power_limit', power_limit: String(change.watts) };
      }
      case 'restart':
        return { cmd: 'restart_btminer' };
      case 'frequency':
      case 'voltage':
      case 'threads':
      case 'pause':
      case 'resume':
        throw refuse(`"${change.kind}" is not something Rigwise can change on a Whatsminer.`);
    }
  }
}
