// Who a Braiins OS rig is, from its `version` and `devdetails` replies.
// - version: VERSION[0] carries the miner software under its own name and "API":"3.7". Seen in real replies:
//   "BOSminer": "0.2.0-d360818" and "BOSminer+": "0.2.0-36c56a9363" (foreman AntminerStatsITest, PROTOCOLS.md A3),
//   "BOSer": "boser-buildroot 0.1.0-0ce150e9" (BOSMiner-py README capture, 2023; the same build hash is BOS+ 23.03 in
//   the braiins/bos-plus-api README's GetMinerDetails example) and "BOSer": "boser-openwrt 0.1.0-912d084c".
// - devdetails: DEVDETAILS[].Model "Bitmain Antminer S9" (Braiins docs, Development/1_api.rst); pyasic takes the model
//   from DEVDETAILS[0].Model with "Bitmain " stripped (factory.py::get_miner_model_braiins_os).
// The API gives no MAC or serial (those are on the web UI and the gRPC API, which need the password).
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import type { JsonObject } from '../cgminer/parse.js';
import { entries, firstEntry, stringField } from '../fields.js';
import { makeOfModel, normalizeModelName } from './models.js';

/** Shown when a rig answers as BOSminer but will not say its model (e.g. devdetails "Unavailable" while paused). */
export const UNKNOWN_BOS_MODEL = 'Braiins OS rig';

const SOFTWARE_KEYS = ['BOSer', 'BOSminer+', 'BOSminer'] as const;

export function firmwareOf(versionReply: JsonObject): string {
  const version = firstEntry(versionReply, 'VERSION');
  for (const key of SOFTWARE_KEYS) {
    const value = stringField(version?.[key], 96);
    if (value) return `${key} ${value}`;
  }
  const description = stringField(firstEntry(versionReply, 'STATUS')?.['Description'], 96);
  return description ?? 'Braiins OS';
}

/** The model a devdetails reply names, normalised; null when it names none. */
export function modelFromDevdetails(devdetailsReply: JsonObject | null): string | null {
  if (!devdetailsReply) return null;
  for (const device of entries(devdetailsReply, 'DEVDETAILS')) {
    const model = stringField(device['Model'], 96)?.trim();
    if (model) return normalizeModelName(model);
  }
  return null;
}

export function identityFromBosReplies(
  host: string,
  port: number,
  versionReply: JsonObject,
  devdetailsReply: JsonObject | null,
): RigIdentity {
  const model = modelFromDevdetails(devdetailsReply) ?? UNKNOWN_BOS_MODEL;
  return {
    host,
    port,
    family: 'bosminer',
    make: model === UNKNOWN_BOS_MODEL ? 'Unknown' : makeOfModel(model),
    model,
    firmware: firmwareOf(versionReply),
    apiVersion: stringField(firstEntry(versionReply, 'VERSION')?.['API'], 16),
    mac: null,
    serial: null,
  };
}
