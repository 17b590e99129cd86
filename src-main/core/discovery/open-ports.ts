// The first, cheapest check of identification: which of the ports any driver speaks on are open on this host. All
// are tried at once, so an address with no rig costs one timeout, not one per family; a driver is then asked only
// about hosts where its port answered.
import net from 'node:net';

function isOpen(host: string, port: number, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const socket = net.createConnection({ host, port });
    const done = (open: boolean): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(open);
    };
    const onAbort = (): void => done(false);
    const timer = setTimeout(() => done(false), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function openPorts(
  host: string,
  ports: readonly number[],
  timeoutMs: number,
  signal: AbortSignal,
): Promise<Set<number>> {
  const unique = [...new Set(ports)];
  const results = await Promise.all(unique.map((port) => isOpen(host, port, timeoutMs, signal)));
  return new Set(unique.filter((_port, i) => results[i]));
}
