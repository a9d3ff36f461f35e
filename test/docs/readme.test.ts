// "A README that starts fast": what it is, the two commands, ten lines, then the contents,
// which lead to every page of docs/.
import { docPages, headings, readText, section } from './markdown';

const readme = readText('README.md');

describe('README: a first screen for a newcomer', () => {
  it('stays under 300 lines; the reference lives in docs/', () => {
    expect(readme.split('\n').length).toBeLessThan(300);
  });

  it('opens with the two commands, ten lines of code, then the contents', () => {
    const sections = headings(readme).filter((heading) => heading.level === 2);
    expect(sections.slice(0, 3).map((heading) => heading.title)).toEqual([
      'Two commands',
      'Ten lines',
      'Contents',
    ]);
  });

  it('Two commands: gives npm start and npm test, both scripts of package.json', () => {
    const scripts = JSON.parse(readText('package.json')).scripts;
    const commands = section('README.md', 'Two commands');
    for (const command of ['start', 'test']) {
      expect(commands).toContain(`**\`npm ${command}\`**`);
      expect(scripts[command]).toEqual(expect.any(String));
    }
  });

  it('Ten lines: the example is ten lines of code', () => {
    const code = /```js\n([\s\S]*?)\n```/.exec(section('README.md', 'Ten lines'))?.[1] ?? '';
    expect(code.split('\n').filter((line) => line.trim() !== '')).toHaveLength(10);
  });

  it('Contents: links every page of docs/', () => {
    const contents = section('README.md', 'Contents');
    expect(docPages.length).toBeGreaterThan(5);
    for (const page of docPages) expect(contents).toContain(`](${page})`);
  });
});
