// The server kit (miniprogram-pay/server, src/server/ of this repository): the mock backend signs,
// verifies notifications and holds long-polls with it, through this one import, so that the
// kit is not written twice and the benchmark can swap in its build.
export * from '../../../src/server/index';
