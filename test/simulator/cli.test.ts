// `npm run simulator` and the package's bin: PORT=0 picks a free port and the first line says
// where; a bad option is refused with a sentence naming it.
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = path.join(ROOT, 'simulator', 'src', 'main.ts');
const BIN = path.join(ROOT, 'simulator', 'bin', 'wechatpay-simulator.mjs');

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        // Its own process group: tsx runs the simulator in a child of its own.
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
});

function run(command: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const { PORT: _theirs, ...inherited } = process.env;
  const child = spawn(command, args, { cwd: ROOT, env: { ...inherited, ...env }, detached: true });
  children.push(child);
  return child;
}

/** Everything the process printed, once its first line matching `until` (or its exit) came. */
function output(
  child: ChildProcess,
  until?: RegExp,
): Promise<{ text: string; code: number | null }> {
  return new Promise((resolve) => {
    let text = '';
    const onData = (chunk: Buffer): void => {
      text += chunk.toString();
      if (until?.test(text)) resolve({ text, code: null });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => resolve({ text, code }));
  });
}

it('PORT=0 listens on a free port and prints `listening on http://127.0.0.1:<port>`', async () => {
  const child = run(TSX, [MAIN], { PORT: '0' });
  const { text } = await output(child, /listening on http:\/\/127\.0\.0\.1:\d+/);
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
  expect(text).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+ \(in memory\)$/m);
  const clock = await fetch(`${url}/sim/clock`);
  expect(clock.status).toBe(200);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});

it('runs from the package bin too', async () => {
  const { text, code } = await output(run(process.execPath, [BIN, '--help']));
  expect(code).toBe(0);
  expect(text).toMatch(/--data-dir <dir>/);
});

it.each([
  ['an unknown option', ['--bogus'], {}, /Unknown option '--bogus'/],
  [
    'a PORT that is not a port',
    [],
    { PORT: 'eighty' },
    /PORT must be a port number from 0 to 65535; got eighty\./,
  ],
  [
    'a --port out of range',
    ['--port', '70000'],
    {},
    /--port must be a port number from 0 to 65535; got 70000\./,
  ],
])('refuses %s, naming it', async (_name, args, env, message) => {
  const { text, code } = await output(run(TSX, [MAIN, ...args], env));
  expect(code).toBe(1);
  expect(text).toMatch(message);
});
