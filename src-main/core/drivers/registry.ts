// The drivers discovery tries, in order, and the lookup the fleet uses to read a rig with the driver that found it.
import { RigwiseError } from '../../../src-shared/api/errors.js';
import type { RigFamily } from '../../../src-shared/model/rig.js';
import { CgminerDriver } from './cgminer/driver.js';
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

export function defaultDrivers(): DriverRegistry {
  return new DriverRegistry([new CgminerDriver()]);
}
