// The kit (miniprogram-pay/server and the client's toOrderState, from src/ of this repository),
// through this one import: nothing it does is written again here. In your own server:
// `import { ... } from 'miniprogram-pay/server'`.
export { toOrderState } from '../../../src/index';
export * from '../../../src/server/index';
