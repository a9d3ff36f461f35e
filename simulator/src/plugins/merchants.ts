import fp from 'fastify-plugin';
import type { MerchantRecord } from '../merchants/merchant';
import { platformKeyRecordOf } from '../merchants/platform-keys';
import { MerchantRegistry } from '../merchants/registry';
import { provide } from './services';

export default fp(
  async (fastify) => {
    const { config, store, clock } = fastify.sim;
    const shared = config.platformKeys;
    const registry = new MerchantRegistry({
      records: store.state.collection<MerchantRecord>('merchants'),
      save: () => store.save(),
      now: () => clock.now(),
      sharedPlatform:
        shared &&
        platformKeyRecordOf(
          shared.certificatePrivateKey,
          shared.publicKeyPrivateKey,
          'WeChat Pay platform',
          clock.wallNow(),
        ),
    });
    provide(fastify, 'merchants', registry);
  },
  { name: 'merchants', dependencies: ['config', 'store', 'clock'], fastify: '5.x' },
);
