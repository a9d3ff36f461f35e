import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README', () => {
  it.each([
    'examples/testing-checkout/services/checkout.js',
    'examples/testing-checkout/pages/buy/buy.js',
    'examples/testing-checkout/pages/buy/buy.wxml',
    'examples/testing-checkout/buy.test.js',
    'examples/server/shop.js',
  ])('shows %s exactly as the file that npm test runs', (path) => {
    const file = readFileSync(join(root, path), 'utf8').trimEnd();
    expect(readme).toContain(`\`${path}\`:\n\n\`\`\``);
    expect(readme).toContain(`\n${file}\n\`\`\``);
  });

  it('gives the two commands a fresh clone needs', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    for (const command of ['start', 'test']) {
      expect(readme).toContain(`\`npm ${command}\``);
      expect(scripts[command]).toEqual(expect.any(String));
    }
  });

  it('lists every export of miniprogram-pay/server in its table', async () => {
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

  it('gives the refusal codes verifyNotification answers', async () => {
    const codes =
      readFileSync(join(root, 'src/server/notification-types.ts'), 'utf8').match(
        /\| '([a-z_]+)'/g,
      ) ?? [];
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) expect(readme).toContain(`| \`${code.slice(3, -1)}\` |`);
  });

  it('documents the default confirmation schedule the code uses', async () => {
    const { DEFAULT_CONFIRM } = await import('../../src/checkout/confirm-options');
    for (const [option, value] of Object.entries(DEFAULT_CONFIRM)) {
      expect(readme).toContain(`| \`${option}\` | \`${value}\` |`);
    }
  });
});
