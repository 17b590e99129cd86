import { describe, expect, it } from 'vitest';
import { demoModels } from './farm.js';

describe('demo farm mix', () => {
  it('gives 24 rigs a farm-like mix, mostly S19-class', () => {
    const models = demoModels(24, 7);
    const count = (name: string): number => models.filter((model) => model === name).length;
    expect(models).toHaveLength(24);
    expect(count('Antminer S19 Pro')).toBe(8);
    expect(count('Antminer S19j Pro')).toBe(6);
    expect(count('Antminer S17 Pro') + count('Antminer S9')).toBe(8);
    expect(count('Antminer T19')).toBe(2);
  });

  it('fills any count exactly and shuffles by seed', () => {
    expect(demoModels(7, 1)).toHaveLength(7);
    expect(demoModels(24, 1)).not.toEqual(demoModels(24, 2));
    expect(demoModels(24, 1)).toEqual(demoModels(24, 1));
  });
});
