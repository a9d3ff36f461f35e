// The README's contents and every page's links lead somewhere: a file that exists and, after a
// #, a heading it has.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { anchors, readText, relativeLinks, root } from './markdown';

const SKIPPED = new Set([
  'node_modules',
  'dist',
  'miniprogram_dist',
  'miniprogram_npm',
  'coverage',
]);

/** Every Markdown page of the repository, as paths from the root. */
function pages(dir = ''): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      return SKIPPED.has(entry.name) || entry.name.startsWith('.') ? [] : pages(path);
    }
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

describe('Links between the pages', () => {
  it('finds the README and docs/ among the pages', () => {
    expect(pages()).toEqual(expect.arrayContaining(['README.md', 'docs/checkout.md']));
  });

  it.each(pages())('%s: every relative link leads to a file, and to a heading after #', (page) => {
    const broken = relativeLinks(readText(page)).filter((link) => {
      const [file, anchor] = link.split('#');
      const target = file ? normalize(join(dirname(page), file)) : page;
      if (target.startsWith('..') || !existsSync(join(root, target))) return true;
      return anchor !== undefined && !anchors(readText(target)).has(anchor);
    });
    expect({ page, broken }).toEqual({ page, broken: [] });
  });

  it('the README and docs/ link nothing outside the repository by a relative path', () => {
    for (const page of pages().filter((p) => p === 'README.md' || p.startsWith('docs/'))) {
      for (const link of relativeLinks(readText(page))) {
        const [file] = link.split('#');
        expect(relative(root, join(root, dirname(page), file ?? ''))).not.toMatch(/^\.\./);
      }
    }
  });
});
