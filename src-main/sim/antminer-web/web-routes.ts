// The Antminer web CGI routes the simulator serves (pyasic pyasic/web/antminer.py AntminerModernWebAPI; foreman-apps
// Stock*Action.java): get_miner_conf (GET, raw conf text), set_miner_conf (POST: JSON on firmware with work modes,
// a form on older firmware; answers "ok" like the captured S19), reboot (GET), get_system_info (GET, the field set
// of the captured Hammer D10 reply, an Antminer-compatible firmware). Every route needs Digest auth; a request
// without a valid answer gets 401 and a fresh challenge, as lighttpd does.
import type { HttpRigReply, HttpRigRequest } from '../http-rig-server.js';
import type { RigModel } from '../models.js';
import type { RigIdentity } from '../reply-context.js';
import type { DigestGuard } from './digest-guard.js';
import { applyFormBody, applyJsonBody, hasWorkModes, renderConf, type WebConf } from './web-conf.js';

export interface WebRouteContext {
  guard: DigestGuard;
  model: RigModel;
  identity: RigIdentity;
  host: string;
  conf: () => WebConf;
  setConf: (conf: WebConf) => void;
  reboot: () => void;
}

const UNAUTHORIZED_PAGE =
  '<html><head><title>401 - Unauthorized</title></head><body><h1>401 - Unauthorized</h1></body></html>';

function uriOf(request: HttpRigRequest): string {
  const query = request.query.toString();
  return query === '' ? request.path : `${request.path}?${query}`;
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function systemInfo(context: WebRouteContext): Record<string, string> {
  return {
    minertype: context.model.name,
    nettype: 'DHCP',
    netdevice: 'eth0',
    macaddr: context.identity.macAddress.toUpperCase(),
    hostname: context.identity.hostname,
    ipaddress: context.host,
    netmask: '255.255.255.0',
    system_mode: 'GNU/Linux',
    system_filesystem_version: context.model.firmware.compileTime,
    cgminer_version: context.model.firmware.bmminer,
  };
}

function setMinerConf(request: HttpRigRequest, context: WebRouteContext): HttpRigReply {
  const current = context.conf();
  const update = hasWorkModes(context.model)
    ? applyJsonBody(current, request.rawBody)
    : applyFormBody(current, request.rawBody);
  // Assumption: the firmware's answer to a body it cannot use; no capture shows one.
  if (!update.ok) return { status: 200, body: `error: ${update.reason}` };
  context.setConf(update.conf);
  return { status: 200, body: 'ok' };
}

export function routeWebRequest(request: HttpRigRequest, context: WebRouteContext): HttpRigReply {
  if (!context.guard.accepts(request.method, uriOf(request), headerText(request.headers.authorization))) {
    return { status: 401, body: UNAUTHORIZED_PAGE, headers: { 'WWW-Authenticate': context.guard.challenge() } };
  }
  switch (`${request.method} ${request.path}`) {
    case 'GET /cgi-bin/get_miner_conf.cgi':
      return { status: 200, body: renderConf(context.model, context.conf()) };
    case 'POST /cgi-bin/set_miner_conf.cgi':
      return setMinerConf(request, context);
    case 'GET /cgi-bin/reboot.cgi':
    case 'POST /cgi-bin/reboot.cgi':
      context.reboot();
      return { status: 200, body: '' };
    case 'GET /cgi-bin/get_system_info.cgi':
      return { status: 200, body: systemInfo(context) };
    default:
      return { status: 404, body: '404 - Not Found' };
  }
}
