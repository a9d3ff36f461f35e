// Reading the README and docs/ the way a reader does: by heading, table row and link.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(__dirname, '../..');

/** A file of the repository, by its path from the root. */
export function readText(path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

/** The pages of docs/, as paths from the root. */
export const docPages: readonly string[] = readdirSync(join(root, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => `docs/${name}`);

/** The lines of a Markdown text, with those inside fenced code blocks blanked. */
export function proseLines(text: string): string[] {
  let fenced = false;
  return text.split('\n').map((line) => {
    if (line.startsWith('```')) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  });
}

export interface Heading {
  readonly level: number;
  readonly title: string;
  readonly line: number;
}

export function headings(text: string): Heading[] {
  return proseLines(text).flatMap((line, index) => {
    const [, marks, title] = /^(#{1,6}) (.+)$/.exec(line) ?? [];
    return marks && title ? [{ level: marks.length, title: title.trim(), line: index }] : [];
  });
}

/** The anchors GitHub gives a page's headings: `Wiring \`httpBackend\`` is `wiring-httpbackend`. */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const { title } of headings(text)) {
    const slug = title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

/**
 * The text under the heading `title` of the page `path`, up to the next heading of the same or
 * a higher level. Throws a sentence naming both when the page has no such heading.
 */
export function section(path: string, title: string): string {
  const text = readText(path);
  const all = headings(text);
  const at = all.findIndex((heading) => heading.title === title);
  const start = all[at];
  if (!start) {
    throw new Error(
      `${path} has no heading "${title}" (it has: ${all.map((h) => h.title).join(', ')})`,
    );
  }
  const end = all.slice(at + 1).find((heading) => heading.level <= start.level);
  return text
    .split('\n')
    .slice(start.line + 1, end?.line)
    .join('\n');
}

export interface TableRow {
  /** The first cell's code span: the option, the code, the export. */
  readonly name: string;
  readonly cells: readonly string[];
}

/**
 * The body rows of the tables of `text` whose first cell is a code span, e.g.
 * `| \`timeoutMs\` | … |` (a header row, the one above `|---|`, is not one).
 */
export function tableRows(text: string): TableRow[] {
  const lines = proseLines(text);
  return lines.flatMap((line, index) => {
    if (!line.startsWith('| `') || /^\|\s*:?-{3}/.test(lines[index + 1] ?? '')) return [];
    const cells = line
      .slice(1, line.endsWith('|') ? -1 : undefined)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
    const name = /^`([^`]+)`/.exec(cells[0] ?? '')?.[1];
    return name ? [{ name, cells }] : [];
  });
}

/** A cell or TSDoc text as a reader sees it: no backticks, `{@link X}` as X, single spaces. */
export function plain(text: string): string {
  return text
    .replace(/\{@link\s+([^}\s]+)\s*\}/g, '$1')
    .replace(/`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The relative links and images of a page, outside code: `[text](target)`. */
export function relativeLinks(text: string): string[] {
  const prose = proseLines(text)
    .join('\n')
    .replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].flatMap(([, target]) =>
    target && !/^[a-z]+:/i.test(target) ? [target] : [],
  );
}
