// "Commands": the README's table lists every npm script there is to run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const scripts: Record<string, string> = JSON.parse(
  readFileSync(join(root, 'package.json'), 'utf8'),
).scripts;

/** `typecheck:src` is a part of `typecheck`, which runs it: the table lists `typecheck`. */
function isPartOfAnother(name: string): boolean {
  return Object.entries(scripts).some(
    ([other, command]) => name.startsWith(`${other}:`) && command.includes(name),
  );
}

describe('Commands: the table lists every npm script', () => {
  it('names each one but the pre- hooks and the parts of another, once', () => {
    const start = readme.indexOf('\n## Commands\n');
    const table = readme.slice(start, readme.indexOf('\n## ', start + 1));
    const listed = [...table.matchAll(/^\| `npm (?:run )?([\w:-]+)[^`]*` \|/gm)].map(
      (match) => match[1],
    );
    const runnable = Object.keys(scripts).filter(
      (name) => !/^(pre|post)/.test(name) && !isPartOfAnother(name),
    );
    expect(listed).toEqual(expect.arrayContaining(['start', 'test']));
    expect([...listed].sort()).toEqual(runnable.sort());
  });
});
