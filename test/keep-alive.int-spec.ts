import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

/**
 * A client (or a proxy) that keeps a connection open and reuses it after a pause must get its answer, not a
 * socket closed under it: Node's own keep-alive timeout is 5 s, shorter than any common proxy's idle timeout.
 */
describe('HTTP keep-alive', () => {
  let system: TestSystem;
  let port: number;

  beforeAll(async () => {
    system = await startSystem({ intake: true });
    await system.intake!.listen(0, '127.0.0.1');
    port = (system.intake!.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(() => ifStarted(system)?.close());

  const get = (agent: http.Agent): Promise<{ status: number; socket: Socket }> =>
    new Promise((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/health/live', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, socket: req.socket as Socket }));
      });
      req.on('error', reject);
    });

  it('answers a second request on the same connection 6 s after the first', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(agent);
      await new Promise((r) => setTimeout(r, 6000));
      const second = await get(agent);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.socket).toBe(first.socket);
    } finally {
      agent.destroy();
    }
  });
});
