// The drivers discovery tries, in order, and the lookup the fleet uses to read a rig with the driver that found it.
import { RigwiseError } from '../../../src-shared/api/errors.js';
import type { RigFamily } from '../../../src-shared/model/rig.js';
import { AxeosDriver } from './axeos/driver.js';
import { BosminerDriver } from './bosminer/driver.js';
import { CgminerDriver } from './cgminer/driver.js';
import { GminerDriver } from './gminer/driver.js';
import { LolminerDriver } from './lolminer/driver.js';
import { SrbminerDriver } from './srbminer/driver.js';
import { TrexDriver } from './trex/driver.js';
import { WhatsminerDriver } from './whatsminer/driver.js';
import { XmrigDriver } from './xmrig/driver.js';
import type { Driver } from './driver.js';

export class DriverRegistry {
  private readonly byFamily = new Map<RigFamily, Driver>();

  constructor(readonly drivers: readonly Driver[]) {
    for (const driver of drivers) this.byFamily.set(driver.family, driver);
  }

  get(family: RigFamily): Driver {
    const driver = this.byFamily.get(family);
    if (!driver) throw new RigwiseError('INTERNAL', `This version of Rigwise has no driver for ${family} rigs.`);
    return driver;
  }
}

/**
 * Probe order: the CGMiner-API families first (one shared `version` exchange on 4028 tells them apart), then the HTTP
 * families, each on its own port; a host is asked only on ports that are open.
 */
export function defaultDrivers(): DriverRegistry {
  return new DriverRegistry([
    // Whatsminer first: older btminer builds answer `version` like plain cgminer and must not be claimed by it.
    new WhatsminerDriver(),
    new BosminerDriver(),
    new CgminerDriver(),
    new AxeosDriver(),
    new XmrigDriver(),
    new TrexDriver(),
    new LolminerDriver(),
    new GminerDriver(),
    new SrbminerDriver(),
  ]);
}
