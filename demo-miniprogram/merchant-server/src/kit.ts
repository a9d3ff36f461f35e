// The kit (miniprogram-pay/server, from src/ of this repository),
// through this one import: nothing it does is written again here. In your own server:
// `import { ... } from 'miniprogram-pay/server'`.
export * from '../../../src/server/index';
