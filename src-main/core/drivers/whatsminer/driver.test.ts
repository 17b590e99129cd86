import { describe, expect, it } from 'vitest';
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import type { ParseOutcome } from '../cgminer/parse.js';
import { WhatsminerDriver } from './driver.js';

const IDENTITY: RigIdentity = {
  host: '127.0.20.254',
  port: 4028,
  family: 'whatsminer',
  make: 'MicroBT',
  model: 'Whatsminer M20S V20',
  firmware: '20200917.22.REL',
  apiVersion: '2.0.5',
  mac: null,
  serial: null,
};
const signal = new AbortController().signal;

describe('WhatsminerDriver.capabilities', () => {
  const driver = new WhatsminerDriver();

  it('offers three pools, a power limit within the model range and a restart, with the admin password', () => {
    expect(driver.capabilities(IDENTITY)).toEqual({
      pools: { max: 3 },
      powerTargetW: { min: 1200, max: 3600 },
      frequencyMhz: null,
      voltageMv: null,
      threads: null,
      pauseResume: false,
      restart: true,
      needsCredential: 'adminPassword',
    });
  });

  it('offers no power limit on API 2.0.4 firmware or for a model without known figures', () => {
    expect(driver.capabilities({ ...IDENTITY, apiVersion: '2.0.4' }).powerTargetW).toBeNull();
    expect(driver.capabilities({ ...IDENTITY, model: 'Whatsminer M99 V10' }).powerTargetW).toBeNull();
  });
});

describe('WhatsminerDriver.apply without sending anything', () => {
  const driver = new WhatsminerDriver();
  const target = { identity: IDENTITY, timeoutMs: 500, credential: 'secret' };

  it('refuses a change kind Whatsminers do not offer with RIG_ERROR', async () => {
    for (const change of [{ kind: 'pause' }, { kind: 'voltage', millivolts: 1300 }] as const) {
      await expect(driver.apply(target, change, signal)).rejects.toMatchObject({ code: 'RIG_ERROR' });
    }
  });

  it('refuses a power limit outside the offered range with RIG_ERROR', async () => {
    await expect(driver.apply(target, { kind: 'powerTarget', watts: 800 }, signal)).rejects.toMatchObject({
      code: 'RIG_ERROR',
      message: expect.stringContaining('1200..3600') as unknown,
    });
  });

  it('asks for the admin password when none is given', async () => {
    await expect(driver.apply({ ...target, credential: null }, { kind: 'restart' }, signal)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});

describe('WhatsminerDriver.probe without a Whatsminer behind it', () => {
  const driver = new WhatsminerDriver();
  const probe = (version: ParseOutcome) =>
    driver.probe(
      { host: '127.0.20.254', port: 4028, timeoutMs: 300, cgminerVersion: () => Promise.resolve(version) },
      signal,
    );

  it('answers null, without throwing, when a rig that refused `version` then does not answer at all', async () => {
    await expect(probe({ ok: false, error: new RigwiseError('RIG_ERROR', 'invalid cmd') })).resolves.toBeNull();
  });
});
