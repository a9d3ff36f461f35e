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

  it('documents the default confirmation schedule the code uses', async () => {
    const { DEFAULT_CONFIRM } = await import('../../src/checkout/confirm-options');
    for (const [option, value] of Object.entries(DEFAULT_CONFIRM)) {
      expect(readme).toContain(`| \`${option}\` | \`${value}\` |`);
    }
  });
});
