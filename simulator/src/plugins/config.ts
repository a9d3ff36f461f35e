import fp from 'fastify-plugin';
import type { SimulatorConfig } from '../config/options';
import { provide } from './services';

export default fp<{ config: SimulatorConfig }>(
  async (fastify, { config }) => {
    provide(fastify, 'config', config);
  },
  { name: 'config', fastify: '5.x' },
);
