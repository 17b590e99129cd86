// The drivers discovery tries, in order, and the lookup the fleet uses to read a rig with the driver that found it.
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
    if (!driver) throw new Error(`No driver for family ${family}`);
    return driver;
  }

  /** Every port any driver listens on: what discovery knocks on. */
  ports(): number[] {
    return [...new Set(this.drivers.flatMap((driver) => driver.ports))];
  }
}

export function defaultDrivers(): DriverRegistry {
  return new DriverRegistry([new CgminerDriver()]);
}
