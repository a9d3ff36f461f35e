import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as defaults from '../../src/defaults';

const root = join(__dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const source = (path: string) => readFileSync(join(root, path), 'utf8');

/** The `default` column of the README table row of `option` in the section `heading`. */
function readmeDefault(heading: string, option: string): string | undefined {
  const section = readme.slice(readme.indexOf(heading));
  const row = section.split('\n').find((line) => line.startsWith(`| \`${option}\` |`));
  return row?.split(' | ')[1]?.trim();
}

/** The `@default` of the TSDoc of `option` in `file`. */
function tsdocDefault(file: string, option: string): string | undefined {
  const text = source(file);
  const at = text.search(new RegExp(`\\n\\s*readonly ${option}\\?|\\n\\s*${option}\\?:`));
  const doc = text.slice(text.lastIndexOf('/**', at), at);
  return /@default (.+?)(\*\/|\n)/.exec(doc)?.[1]?.trim();
}

describe('README', () => {
  it.each([
    'examples/testing-checkout/services/checkout.js',
    'examples/testing-checkout/pages/buy/buy.js',
    'examples/testing-checkout/pages/buy/buy.wxml',
    'examples/testing-checkout/buy.test.js',
    'examples/server/shop.js',
  ])(
    'Testing your checkout, Your server: shows %s exactly as the file that npm test runs',
    (path) => {
      const file = source(path).trimEnd();
      expect(readme).toContain(`\`${path}\`:\n\n\`\`\``);
      expect(readme).toContain(`\n${file}\n\`\`\``);
    },
  );

  it('Commands: gives the two commands a fresh clone needs', () => {
    const scripts = JSON.parse(source('package.json')).scripts;
    for (const command of ['start', 'test']) {
      expect(readme).toContain(`\`npm ${command}\``);
      expect(scripts[command]).toEqual(expect.any(String));
    }
  });

  it('Your server: lists every export of miniprogram-pay/server in its table', async () => {
    const server = await import('../../src/server/index');
    const table = readme.slice(
      readme.indexOf('### What it exports'),
      readme.indexOf('### Verifying notifications'),
    );
    for (const name of Object.keys(server).filter(
      (name) => typeof (server as Record<string, unknown>)[name] === 'function',
    )) {
      expect(table).toContain(`\`${name}(`);
    }
  });

  it('Your server: gives the refusal codes verifyNotification answers', async () => {
    const codes =
      readFileSync(join(root, 'src/server/notification-types.ts'), 'utf8').match(
        /\| '([a-z_]+)'/g,
      ) ?? [];
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) expect(readme).toContain(`| \`${code.slice(3, -1)}\` |`);
  });

  it('When the checkout asks the backend: documents the default schedule the code uses', () => {
    for (const [option, value] of Object.entries(defaults.DEFAULT_CONFIRM)) {
      expect(readmeDefault('### When the checkout asks the backend', option)).toBe(`\`${value}\``);
      expect(tsdocDefault('src/checkout/options.ts', option)).toBe(String(value));
    }
  });

  it.each([
    [
      '### Options of a payment call',
      'src/core/call-options.ts',
      'timeoutMs',
      defaults.DEFAULT_HOST_TIMEOUT_MS,
    ],
    [
      '### Checkout options',
      'src/checkout/options.ts',
      'hostTimeoutMs',
      defaults.DEFAULT_HOST_TIMEOUT_MS,
    ],
    [
      '### Checkout options',
      'src/checkout/options.ts',
      'resumeGraceMs',
      defaults.DEFAULT_RESUME_GRACE_MS,
    ],
    [
      '### Checkout options',
      'src/checkout/options.ts',
      'pendingKey',
      `'${defaults.DEFAULT_PENDING_KEY}'`,
    ],
    [
      '### Wiring `httpBackend`',
      'src/checkout/http-backend.ts',
      'timeoutMs',
      defaults.DEFAULT_REQUEST_TIMEOUT_MS,
    ],
    [
      '### Wiring `httpBackend`',
      'src/checkout/http-backend.ts',
      'createPath',
      `'${defaults.DEFAULT_CREATE_PATH}'`,
    ],
  ])('%s: %s %s is the default the code uses', (heading, file, option, value) => {
    expect(readmeDefault(heading, option)).toMatch(
      new RegExp(`^\`${String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\``),
    );
    expect(tsdocDefault(file, option)).toMatch(
      new RegExp(`^${String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`),
    );
  });

  it('Checkout options: every option of CheckoutConfig is in the table, and nothing else', () => {
    const options = [
      ...source('src/checkout/options.ts')
        .slice(source('src/checkout/options.ts').indexOf('interface CheckoutConfig'))
        .matchAll(/readonly (\w+)\??:/g),
    ].map((match) => match[1]);
    const section = readme.slice(
      readme.indexOf('### Checkout options'),
      readme.indexOf('### When the checkout asks the backend'),
    );
    const rows = [...section.matchAll(/^\| `(\w+)` \|/gm)].map((match) => match[1]);
    expect(rows).toEqual(options);
  });

  it('Wiring httpBackend: every option of HttpBackendOptions is in the table, and nothing else', () => {
    const options = [...source('src/checkout/http-backend.ts').matchAll(/readonly (\w+)\??:/g)].map(
      (match) => match[1],
    );
    const section = readme.slice(
      readme.indexOf('### Wiring `httpBackend`'),
      readme.indexOf('### Resuming pending orders'),
    );
    const rows = [...section.matchAll(/^\| `(\w+)` \|/gm)].map((match) => match[1]);
    expect(rows).toEqual(options);
  });

  it('Results: every CheckoutFailCode has its row', () => {
    const between = (file: string, from: string, to: string) => {
      const text = source(file);
      return text.slice(text.indexOf(from), text.indexOf(to));
    };
    const unions =
      between('src/core/outcome.ts', 'export type FailCode', '/** One bad field') +
      between('src/checkout/types.ts', 'export type CheckoutFailCode', '/** What `pay()`');
    const codes = [...unions.matchAll(/\| '(\w+)'/g)].map((match) => match[1]);
    expect(codes).toEqual(expect.arrayContaining(['host_error', 'aborted', 'order_unknown']));
    const results = readme.slice(
      readme.indexOf('### Results'),
      readme.indexOf('### Checkout options'),
    );
    for (const code of codes) expect(results).toContain(`\`failed\` / \`${code}\``);
  });
});
