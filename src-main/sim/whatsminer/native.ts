// btminer's own replies, outside the cgminer code: a flat {"STATUS","When","Code","Msg","Description"} record with
// Msg a string or an object (Whatsminer API 2.0.5 "JSON API return format"; the real get_token reply and `version`
// error in the driver's fixtures/privileged.ts, both with Description "whatsminer v1.1"). Field sets of get_version
// and get_psu follow pyasic's reads (Msg.fw_ver, Msg.api_ver, Msg.fan_speed) and the MiningOS Whatsminer mock
// (tetherto/miningos-wrk-miner-whatsminer mock/utils.js createVersion/createPSU): no real capture of those two was found.
import type { TokenParts } from '../../core/drivers/whatsminer/cipher.js';
import { toJson, type WireObject, type WireValue } from '../serialize.js';
import type { WhatsminerModel } from './models.js';
import type { WhatsminerReading } from './reading.js';

export const BTMINER_DESCRIPTION = 'whatsminer v1.1';

/** Message codes of the Whatsminer API 2.0.5 document. */
export const BTMINER_CODE = {
  invalidCommand: 14,
  invalidJson: 23,
  permissionDenied: 45,
  commandOk: 131,
  commandError: 132,
  tokenOk: 134,
  checkTokenError: 135,
  tokenOverMaxTimes: 136,
  base64DecodeError: 137,
} as const;

export function btminerRecord(ok: boolean, code: number, msg: WireValue, whenS: number): WireObject {
  return { STATUS: ok ? 'S' : 'E', When: whenS, Code: code, Msg: msg, Description: BTMINER_DESCRIPTION };
}

export function btminerText(ok: boolean, code: number, msg: WireValue, whenS: number): string {
  return toJson(btminerRecord(ok, code, msg, whenS));
}

/** The real answer to cgminer's `version` (and to any command btminer does not know): {"Msg":"invalid cmd"}. */
export function invalidCommandText(whenS: number): string {
  return btminerText(false, BTMINER_CODE.invalidCommand, 'invalid cmd', whenS);
}

export function invalidJsonText(whenS: number): string {
  return btminerText(false, BTMINER_CODE.invalidJson, 'invalid JSON message', whenS);
}

export function getVersionText(model: WhatsminerModel, whenS: number): string {
  const { firmware } = model;
  return btminerText(
    true,
    BTMINER_CODE.commandOk,
    { api_ver: firmware.apiVersion, fw_ver: firmware.version, platform: firmware.platform, chip: firmware.chipData },
    whenS,
  );
}

/** get_psu: every value a string, as in the MiningOS mock. vin is mains volts x 100 and iin amps (units unverified). */
export function getPsuText(model: WhatsminerModel, reading: WhatsminerReading, serial: string, whenS: number): string {
  const mainsV = 199.25;
  return btminerText(
    true,
    BTMINER_CODE.commandOk,
    {
      name: model.psuName,
      hw_version: 'V01.00',
      sw_version: 'V01.00.V01.03',
      model: model.psuName,
      enable: '1',
      iin: (reading.powerW / mainsV).toFixed(2),
      vin: String(Math.round(mainsV * 100)),
      pin: String(reading.powerW),
      fan_speed: String(reading.psuFanRpm),
      serial_no: serial,
      vendor: '1',
      temp0: (reading.ambientC + 14).toFixed(1),
    },
    whenS,
  );
}

export function getTokenText(token: TokenParts, whenS: number): string {
  return btminerText(true, BTMINER_CODE.tokenOk, { time: token.time, salt: token.salt, newsalt: token.newSalt }, whenS);
}
