// The examples the README and docs/ show are the files `npm test` runs, and they buy what the
// demo's shop sells.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE } from '../../demo-miniprogram/merchant-server/src/orders/catalogue';
import { docPages, readText, root } from './markdown';

describe.each([
  ['docs/testing-kit.md', 'examples/testing-checkout/services/checkout.js'],
  ['docs/testing-kit.md', 'examples/testing-checkout/pages/buy/buy.js'],
  ['docs/testing-kit.md', 'examples/testing-checkout/pages/buy/buy.wxml'],
  ['docs/testing-kit.md', 'examples/testing-checkout/buy.test.js'],
  ['docs/server-kit.md', 'examples/server/shop.js'],
])('%s shows %s', (page, path) => {
  it('exactly as the file that npm test runs', () => {
    const title = `\`${path}\`:\n\n`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const shown = new RegExp(`${title}\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\`\\n`).exec(readText(page));
    expect(shown?.[1]).toBe(readText(path).trimEnd());
  });
});

/** The example sources (not their tests) under `dir`, as paths from the root. */
function exampleSources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return exampleSources(path);
    return /\.(js|wxml)$/.test(entry.name) && !entry.name.endsWith('.test.js') ? [path] : [];
  });
}

describe('The examples buy products the demo sells', () => {
  const files = ['README.md', ...docPages, ...exampleSources('examples')];

  it.each(files)('%s names only products of the catalogue', (path) => {
    const named = [...readText(path).matchAll(/productId: '([^']*)'/g)].map((match) => match[1]);
    const catalogue = CATALOGUE.map((product) => product.id);
    for (const id of named) expect(catalogue).toContain(id);
  });

  it('and they do name some', () => {
    const named = files.flatMap((path) => [...readText(path).matchAll(/productId: '([^']*)'/g)]);
    expect(named.length).toBeGreaterThanOrEqual(3);
    expect(files.filter((path) => /\bsku:/.test(readText(path)))).toEqual([]);
  });
});
