// AxeOS keeps a pool as a bare host ("public-pool.io") and a separate port (21496): the web UI refuses a stratumURL
// with a "stratum+tcp://" prefix or a ":" (axe-os edit.component.ts validators, seen in bitaxeorg/ESP-Miner and
// shufps/ESP-Miner-NerdQAxePlus). Rigwise speaks "stratum+tcp://host:port", so URLs are split on the way in and
// joined on the way out, the same way both directions, so a change reads back exactly as it was sent.
import { RigwiseError } from '../../../../src-shared/api/errors.js';

export interface HostAndPort {
  host: string;
  port: number;
}

const PLAIN_SCHEMES = new Set(['stratum+tcp', 'stratum', 'tcp', 'stratum1+tcp', 'stratum2+tcp']);

/** "stratum+tcp://pool.test:3333" -> { host: "pool.test", port: 3333 }, or a RigwiseError saying what is wrong. */
export function splitPoolUrl(url: string): HostAndPort | RigwiseError {
  const match = /^([a-z0-9+.-]+):\/\/([^/\s:]+):(\d{1,5})\/?$/i.exec(url.trim());
  if (!match) {
    return new RigwiseError('RIG_ERROR', `AxeOS needs a pool URL of the form stratum+tcp://host:port, got "${url}".`);
  }
  const [, scheme = '', host = '', portText = ''] = match;
  if (!PLAIN_SCHEMES.has(scheme.toLowerCase())) {
    return new RigwiseError(
      'RIG_ERROR',
      `AxeOS takes plain stratum pools only from Rigwise; "${scheme}://" (TLS or other transports) is not supported.`,
    );
  }
  const port = Number(portText);
  if (!(port >= 1 && port <= 65_535)) {
    return new RigwiseError('RIG_ERROR', `Pool port must be 1-65535, got ${portText}.`);
  }
  return { host, port };
}

/** The URL Rigwise shows for what AxeOS stores; a host that already carries a scheme or port is kept as it is. */
export function joinPoolUrl(host: string, port: number | null): string {
  const withScheme = host.includes('://') ? host : `stratum+tcp://${host}`;
  const hasPort = /:\d+\/?$/.test(withScheme.slice(withScheme.indexOf('://') + 3));
  return hasPort || port === null || port === 0 ? withScheme : `${withScheme}:${port}`;
}
