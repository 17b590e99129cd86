import { afterEach, expect, it } from 'vitest';
import type { EchoProtocol } from './echo-worker.fixture.js';
import { WorkerHost } from './worker-host.js';

const hosts: WorkerHost<EchoProtocol>[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

function startHost(events: string[] = [], crashes: string[] = [], starts: { count: number } = { count: 0 }) {
  const host = new WorkerHost<EchoProtocol>({
    entry: new URL('./echo-worker.fixture.ts', import.meta.url),
    name: 'echo',
    onEvent: (_event, data) => events.push(data),
    onStart: () => (starts.count += 1),
    onCrash: (error) => crashes.push(error.message),
  });
  hosts.push(host);
  host.start();
  return host;
}

it('answers calls, passes errors back as values with their code, and forwards events', async () => {
  const events: string[] = [];
  const host = startHost(events);
  expect(await host.call('echo', { text: 'hi' })).toBe('hi');
  await expect(host.call('fail', null)).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'asked to fail' });
  host.post('shout', { text: 'hey' });
  await host.call('echo', { text: 'sync' }); // messages are handled in order
  expect(events).toEqual(['HEY']);
});

it('fails calls in flight when the worker dies, and starts it again', async () => {
  const crashes: string[] = [];
  const starts = { count: 0 };
  const host = startHost([], crashes, starts);
  await expect(host.call('die', null)).rejects.toMatchObject({ code: 'ENGINE_UNREACHABLE' });
  expect(crashes[0]).toMatch(/exited with code 3/);
  const deadline = Date.now() + 10_000;
  while (starts.count < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await host.call('echo', { text: 'back' })).toBe('back');
});
