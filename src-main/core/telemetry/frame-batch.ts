// A batch of frames packed into a few typed arrays, so a second of polls crosses to the worker as transferred
// buffers instead of a thousand cloned objects.
import type { TransferListItem } from 'node:worker_threads';
import type { MetricKey } from '../../../src-shared/model/telemetry.js';
import type { EncodedFrame } from './frame-encoder.js';
import type { IngestFrame } from './telemetry-db.js';

export interface FrameBatch {
  rigIds: string[];
  times: Float64Array;
  /** Index into `layouts` per frame. */
  layoutOf: Uint32Array;
  layouts: MetricKey[][];
  /** Frame i's values are values[offsets[i] .. offsets[i + 1]). */
  offsets: Uint32Array;
  values: Float32Array;
}

export function packFrames(frames: readonly EncodedFrame[]): { batch: FrameBatch; transfer: TransferListItem[] } {
  const layouts: MetricKey[][] = [];
  const layoutIndex = new Map<readonly MetricKey[], number>();
  const times = new Float64Array(frames.length);
  const layoutOf = new Uint32Array(frames.length);
  const offsets = new Uint32Array(frames.length + 1);
  let size = 0;
  frames.forEach((frame, i) => {
    let index = layoutIndex.get(frame.keys);
    if (index === undefined) {
      index = layouts.length;
      layouts.push([...frame.keys]);
      layoutIndex.set(frame.keys, index);
    }
    layoutOf[i] = index;
    times[i] = frame.t;
    offsets[i] = size;
    size += frame.values.length;
  });
  offsets[frames.length] = size;
  const values = new Float32Array(size);
  frames.forEach((frame, i) => values.set(frame.values, offsets[i]));
  const batch = { rigIds: frames.map((frame) => frame.rigId), times, layoutOf, layouts, offsets, values };
  return { batch, transfer: [times.buffer, layoutOf.buffer, offsets.buffer, values.buffer] };
}

export function unpackFrames(batch: FrameBatch): IngestFrame[] {
  return batch.rigIds.map((rigId, i) => ({
    rigId,
    t: batch.times[i] ?? 0,
    keys: batch.layouts[batch.layoutOf[i] ?? 0] ?? [],
    values: batch.values.subarray(batch.offsets[i], batch.offsets[i + 1]),
  }));
}
