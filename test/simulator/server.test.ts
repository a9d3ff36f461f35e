// startSimulator: options checked with a sentence naming the bad one; `extend` mounts more
// routes (a merchant server) on the same fastify instance, beside the simulator's.
import { startSimulator } from '../../simulator/src/server';
import { platformKeys } from './helpers/keys';

it.each([
  [{ port: -1 }, /options\.port must be an integer from 0 to 65535; got -1\./],
  [{ notifyTimeoutMs: 0 }, /options\.notifyTimeoutMs must be an integer from 1/],
  [
    { platformKeys: { certificatePrivateKey: '', publicKeyPrivateKey: 'x' } },
    /options\.platformKeys\.certificatePrivateKey must be a private key PEM/,
  ],
  [
    { platformKeys: { certificatePrivateKey: 'not a key', publicKeyPrivateKey: 'x' } },
    /platform certificate private key is not a private key PEM/,
  ],
])('refuses %j', async (options, message) => {
  await expect(startSimulator(options as never)).rejects.toThrow(message);
});

it('mounts the routes `extend` registers beside its own, with no name clash', async () => {
  const simulator = await startSimulator({
    platformKeys,
    extend: async (app) => {
      // A merchant server beside it may decorate `config`: the simulator's services are
      // under `sim`, so both fit on one instance.
      const decorate = app.decorate.bind(app) as (name: string, value: unknown) => void;
      decorate('config', { shop: 'tea' });
      app.get('/shop/health', async () => ({
        ok: true,
        shop: (app as unknown as { config: { shop: string } }).config.shop,
      }));
    },
  });
  try {
    expect(await (await fetch(`${simulator.url}/shop/health`)).json()).toEqual({
      ok: true,
      shop: 'tea',
    });
    expect((await fetch(`${simulator.url}/sim/clock`)).status).toBe(200);
    expect(simulator.app.sim.merchants.list()).toEqual([]);
  } finally {
    await simulator.close();
  }
});
