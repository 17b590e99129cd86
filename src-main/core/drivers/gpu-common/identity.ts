// Who a GPU rig is. A GPU rig has no model number: what an operator recognises is its cards, so the model reads
// "4× AMD Radeon VII" (or "3× RTX 3080 + 1× RTX 3070" for a mixed rig) from the names the miner reports, and the
// firmware is the miner and its version ("T-Rex 0.24.6"). Miners do not report a MAC or serial.
import type { RigFamily, RigIdentity } from '../../../../src-shared/model/rig.js';

const MAX_MODEL_LENGTH = 96;

const MAKES: ReadonlyArray<readonly [RegExp, string]> = [
  [/nvidia|geforce|\brtx\b|\bgtx\b|tesla|quadro|\bcmp\b/i, 'NVIDIA'],
  [/\bamd\b|radeon|\brx[\s_]?\d|vega|ryzen|epyc|threadripper/i, 'AMD'],
  [/intel/i, 'Intel'],
];

function makeOfName(name: string): string | null {
  for (const [pattern, make] of MAKES) if (pattern.test(name)) return make;
  return null;
}

/** The chip maker of the cards, "Mixed" for a rig of both, or the fallback when no name says (T-Rex is NVIDIA-only). */
export function gpuMake(names: ReadonlyArray<string | null>, fallback = 'Unknown'): string {
  const makes = new Set(names.map((name) => (name ? makeOfName(name) : null)).filter((make) => make !== null));
  if (makes.size === 0) return fallback;
  return makes.size === 1 ? ([...makes][0] ?? fallback) : 'Mixed';
}

/** "4× AMD Radeon VII"; "3× RTX 3080 + 1× RTX 3070"; "GPU rig (2 GPUs)" when the miner names no card. */
export function gpuRigModel(names: ReadonlyArray<string | null>): string {
  if (names.length === 0) return 'GPU rig (no GPUs reported)';
  const counts = new Map<string, number>();
  for (const name of names) {
    const key = name?.trim() || 'unnamed GPU';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (counts.size === 1 && counts.has('unnamed GPU'))
    return `GPU rig (${names.length} GPU${names.length > 1 ? 's' : ''})`;
  const parts = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, count]) => `${count}× ${name}`);
  const model = parts.join(' + ');
  return model.length <= MAX_MODEL_LENGTH ? model : `${model.slice(0, MAX_MODEL_LENGTH - 1)}…`;
}

export interface GpuIdentityInput {
  host: string;
  port: number;
  family: RigFamily;
  firmware: string;
  apiVersion: string | null;
  deviceNames: ReadonlyArray<string | null>;
  fallbackMake?: string;
}

export function gpuIdentity(input: GpuIdentityInput): RigIdentity {
  return {
    host: input.host,
    port: input.port,
    family: input.family,
    make: gpuMake(input.deviceNames, input.fallbackMake),
    model: gpuRigModel(input.deviceNames),
    firmware: input.firmware,
    apiVersion: input.apiVersion,
    mac: null,
    serial: null,
  };
}
