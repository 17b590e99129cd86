import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../../src-shared/model/index.js';
import { eventMarkers } from './event-markers.js';

let nextId = 1;
const event = (
  t: number,
  kind: HistoryEvent['kind'],
  message: string,
  auditId: string | null = null,
): HistoryEvent => ({
  id: nextId++,
  t,
  rigId: '127.0.5.10:4028',
  kind,
  message,
  auditId,
});
const time = (t: number) => `t${t}`;

describe('event markers', () => {
  it('draws one marker per event inside the window, oldest first, with its message as the tooltip', () => {
    const markers = eventMarkers(
      [event(900, 'up', 'Answering again'), event(100, 'down', 'Stopped answering'), event(5000, 'up', 'late')],
      { from: 0, to: 1000 },
      10,
      time,
    );
    expect(markers.map((marker) => [marker.t, marker.kind, marker.title])).toEqual([
      [100, 'down', 't100 Down: Stopped answering'],
      [900, 'up', 't900 Up: Answering again'],
    ]);
  });

  it('groups events closer than a marker width, coloured by the one that matters most', () => {
    const markers = eventMarkers(
      [event(10, 'pool', 'Switched to pool 2'), event(20, 'down', 'Stopped answering'), event(30, 'up', 'Back')],
      { from: 0, to: 1000 },
      10,
      time,
    );
    expect(markers).toHaveLength(1);
    expect(markers[0]?.kind).toBe('down');
    expect(markers[0]?.title.split('\n')).toHaveLength(3);
  });

  it("links a config change's marker to its audit entry", () => {
    const [marker] = eventMarkers(
      [event(10, 'config', 'Power target 3,000 W', 'audit-7')],
      { from: 0, to: 100 },
      10,
      time,
    );
    expect(marker?.auditId).toBe('audit-7');
  });

  it('keeps a long tooltip short', () => {
    const many = Array.from({ length: 12 }, (_, index) => event(index, 'error', `fault ${index}`));
    const [marker] = eventMarkers(many, { from: 0, to: 1000 }, 10, time);
    expect(marker?.title.split('\n')).toHaveLength(9);
    expect(marker?.title).toContain('and 4 more');
  });
});
