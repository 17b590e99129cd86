import { describe, expect, it } from 'vitest';
import { apiVersionParts, modelFromDisplay, normaliseModel, powerLimitRangeW } from './models.js';

describe('normaliseModel', () => {
  it.each([
    ['M20S_V21', 'M20SV20', 'Whatsminer M20S V20'],
    ['M30S+_V10', 'M30S+V10', 'Whatsminer M30S+ V10'],
    ['M30S++_VG40', 'M30S++VG40', 'Whatsminer M30S++ VG40'],
    ['M56S_VH30', 'M56SVH30', 'Whatsminer M56S VH30'],
    ['M50_VH52', 'M50VH50', 'Whatsminer M50 VH50'],
    ['m60s_vk40', 'M60SVK40', 'Whatsminer M60S VK40'],
  ])('turns devdetails Model %j into pyasic key %j, shown as %j', (raw, key, display) => {
    expect(normaliseModel(raw)).toMatchObject({ key, display });
  });

  it('refuses anything that is not a plain model name', () => {
    for (const raw of ['', 'M', null, 42, { Model: 'x' }, '<script>', 'M20S_V20'.repeat(10)]) {
      expect(normaliseModel(raw)).toBeNull();
    }
  });

  it('finds the model again from the identity text', () => {
    expect(modelFromDisplay('Whatsminer M30S+ V10')).toMatchObject({ key: 'M30S+V10', family: 'M30S+' });
  });
});

describe('powerLimitRangeW', () => {
  it('offers 1,200 W up to the headline power plus 7 % for a known model (M20S: 3,600 W)', () => {
    expect(powerLimitRangeW(normaliseModel('M20S_V20'), '2.0.5')).toEqual({ min: 1200, max: 3600 });
    expect(powerLimitRangeW(normaliseModel('M50_VH50'), null)).toEqual({ min: 1200, max: 3600 });
  });

  it('offers nothing on firmware older than API 2.0.5 or for a model it has no figures for', () => {
    expect(powerLimitRangeW(normaliseModel('M20S_V20'), '2.0.3')).toBeNull();
    expect(powerLimitRangeW(normaliseModel('M99_V10'), '2.0.5')).toBeNull();
  });

  it('reads API versions with or without the "whatsminer v" prefix', () => {
    expect(apiVersionParts('whatsminer v2.0.5')).toEqual([2, 0, 5]);
    expect(apiVersionParts('2.1')).toEqual([2, 1]);
    expect(apiVersionParts('unknown')).toBeNull();
  });
});
