// Starts a redis-server of its own on a unix socket in a temp directory (no TCP port, no
// persistence), for the server kit's tests and `npm run bench:server`. Plain CommonJS so that
// jest (TypeScript) and the plain-node benchmark share it; types in redis-server.d.cts.
const { spawn } = require('node:child_process');
const { existsSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

/** Resolves `{ path, stop() }` once the socket exists; rejects if redis-server cannot start. */
async function startRedis() {
  const dir = mkdtempSync(join(tmpdir(), 'miniprogram-pay-redis-'));
  const socket = join(dir, 'redis.sock');
  const args = ['--port', '0', '--unixsocket', socket, '--unixsocketperm', '700'];
  const child = spawn('redis-server', [...args, '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let failed = false;
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  child.once('error', (error) => {
    failed = true;
    stderr += error.message;
  });
  const closed = new Promise((resolve) => child.once('close', resolve));
  const started = Date.now();
  while (!existsSync(socket)) {
    if (failed || child.exitCode !== null || Date.now() - started > 10_000) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`redis-server did not start (is it installed?): ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    path: socket,
    async stop() {
      if (child.exitCode === null && !failed) child.kill('SIGTERM');
      await closed;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { startRedis };
