// Each GPU driver must recognise its own miner and nothing else: discovery asks several drivers about one port
// (lolMiner's usual 44444 is also XMRig's documented example port), so a probe that says yes to a stranger would
// give a rig the wrong driver. Every real reply in the project is shown to every identify function.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../cgminer/parse.js';
import { S19_PRO_VERSION } from '../cgminer/fixtures/antminer.js';
import { GMINER_1_34_STAT } from '../gminer/fixtures.js';
import { gminerIdentity } from '../gminer/stat.js';
import { LOLMINER_1_0_SUMMARY, LOLMINER_1_16A_SUMMARY } from '../lolminer/fixtures.js';
import { lolminerIdentity } from '../lolminer/summary.js';
import { SRBMINER_0_1_8_GPU, SRBMINER_0_5_6_CPU } from '../srbminer/fixtures.js';
import { srbminerIdentity } from '../srbminer/status.js';
import { TREX_0_19_5_SUMMARY, TREX_0_24_6_SUMMARY, TREX_0_9_1_SUMMARY } from '../trex/fixtures.js';
import { trexIdentity } from '../trex/summary.js';

// For reference only (PROTOCOLS.md A7 NBMiner v10.0 `GET /api/v1/status`, foreman-nbminer NbminerITest.java; A6
// XMRig 6.17.1-dev `GET /2/summary`, xmrig/xmrig doc/api/2/summary.json), trimmed to their identifying fields.
const NBMINER_V10_STATUS = {
  miner: { devices: [{ id: 0, info: 'GeForce GTX 1080 Ti 11178 MB', hashrate: 1499 }], total_hashrate: 2989 },
  start_time: 1532482659,
  stratum: { url: 'btm.pool.zhizh.com:3859', user: 'bmxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.test' },
  version: 'v10.0',
};
const XMRIG_6_17_SUMMARY = {
  id: '51aca77da137cb62',
  worker_id: 'tpad',
  uptime: 106,
  algo: 'rx/0',
  version: '6.17.1-dev',
  kind: 'miner',
  ua: 'XMRig/6.17.1-dev (Linux x86_64) libuv/1.43.0 gcc/9.4.0',
  hashrate: { total: [1207.19, 1210.82, null], highest: 1316.85 },
};

const REPLIES: ReadonlyArray<readonly [string, JsonObject]> = [
  ['trex', TREX_0_9_1_SUMMARY],
  ['trex', TREX_0_19_5_SUMMARY],
  ['trex', TREX_0_24_6_SUMMARY],
  ['lolminer', LOLMINER_1_0_SUMMARY],
  ['lolminer', LOLMINER_1_16A_SUMMARY],
  ['gminer', GMINER_1_34_STAT],
  ['srbminer', SRBMINER_0_5_6_CPU],
  ['srbminer', SRBMINER_0_1_8_GPU],
  ['nbminer', NBMINER_V10_STATUS],
  ['xmrig', XMRIG_6_17_SUMMARY],
  ['cgminer', S19_PRO_VERSION],
];

const IDENTIFY = {
  trex: trexIdentity,
  lolminer: lolminerIdentity,
  gminer: gminerIdentity,
  srbminer: srbminerIdentity,
} as const;

describe.each(Object.entries(IDENTIFY))('the %s probe', (family, identify) => {
  it.each(REPLIES)(`on a real %s reply answers only for its own family`, (replyFamily, reply) => {
    const identity = identify('127.0.22.1', 4067, reply);
    if (replyFamily === family) expect(identity?.family).toBe(family);
    else expect(identity).toBeNull();
  });
});
