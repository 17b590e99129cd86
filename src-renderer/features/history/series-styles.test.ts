import { describe, expect, it } from 'vitest';
import { rigChartMetrics } from '../../store/history-charts.js';
import { fleetChartStyles, rigChartStyles } from './series-styles.js';

describe('series styles', () => {
  it('line up with the metrics each rig chart asks for, the rig total first with its band', () => {
    const styles = rigChartStyles('hashrate', [0, 1, 2], 'Board');
    expect(styles.map((style) => style.metric)).toEqual(rigChartMetrics('hashrate', [0, 1, 2]));
    expect(styles.map((style) => style.label)).toEqual(['Total', 'Board 1', 'Board 2', 'Board 3']);
    expect(styles.map((style) => style.band)).toEqual([true, false, false, false]);
    expect(new Set(styles.map((style) => style.color)).size).toBe(4);
  });

  it('names GPUs as such and reuses colours past eight parts', () => {
    const styles = rigChartStyles('hashrate', [0, 8], 'GPU');
    expect(styles[1]?.label).toBe('GPU 1');
    expect(styles[1]?.color).toBe(styles[2]?.color);
  });

  it('draws the temperatures as chip and board maxima', () => {
    expect(rigChartStyles('temperature', [], 'Board').map((style) => style.label)).toEqual(['Chip max', 'Board max']);
  });

  it('gives each fleet chart its one total', () => {
    expect(fleetChartStyles('rigsUp')).toMatchObject([{ metric: 'rigsUp', label: 'Rigs up', band: true }]);
  });
});
