// Who a virtual rig says it is: serial (miner_id), MAC, hostname and pool worker. Derived from the seed and the
// address, so they are stable across runs and unique within a farm.

import { ipv4ToNumber } from '../../src-shared/ipv4.js';
import type { RigModel } from './models.js';
import { mixSeed, mulberry32 } from './random.js';
import type { RigIdentity } from './reply-context.js';

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}

export function modelSlug(model: RigModel): string {
  return model.name
    .replace(/^Antminer /, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

export function rigIdentity(model: RigModel, host: string, seed: number): RigIdentity {
  const next = mulberry32(mixSeed(seed, 0x1d));
  const word = (): string => hex(Math.floor(next() * 0x1_0000_0000), 8);
  const address = ipv4ToNumber(host) ?? 0;
  const octets = [16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256);
  // 02:52:57 is a locally administered prefix ("RW"), so a simulated MAC can never collide with a real vendor's.
  const macAddress = ['02', '52', '57', ...octets.map((octet) => hex(octet, 2))].join(':').toUpperCase();
  const hostname = `${modelSlug(model)}-${octets.join('-')}`;
  return {
    minerId: model.firmware.fixedMinerId ?? `${word()}${word()}`,
    macAddress,
    hostname,
    workerName: `rigwise.${hostname}`,
  };
}
