// The folder layout is the architecture: which part of src/ may import which. The imports are
// read with the TypeScript compiler's own pre-processor (type imports and re-exports count).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { preProcessFile } from 'typescript';

const SRC = join(__dirname, '../../src');

/** Every module of src/, by its path from src/ (`core/call-host.ts`), with what it imports. */
function readGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith('.ts')) graph.set(relative(SRC, path), importsOf(path));
    }
  };
  visit(SRC);
  return graph;
}

function importsOf(file: string): string[] {
  const { importedFiles } = preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.map(({ fileName }) => {
    if (!fileName.startsWith('.')) return fileName;
    const base = resolve(dirname(file), fileName);
    const found = [`${base}.ts`, join(base, 'index.ts'), base].find(
      (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
    );
    return relative(SRC, found ?? base);
  });
}

/** The cycles of the graph: each strongly connected group of two or more modules (Tarjan). */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const lowOf = (module: string) => low.get(module) ?? Number.POSITIVE_INFINITY;
  const visit = (module: string) => {
    order.set(module, order.size);
    low.set(module, order.size - 1);
    stack.push(module);
    for (const next of graph.get(module) ?? []) {
      if (!graph.has(next)) continue;
      if (!order.has(next)) visit(next);
      if (stack.includes(next)) low.set(module, Math.min(lowOf(module), lowOf(next)));
    }
    if (low.get(module) !== order.get(module)) return;
    const group = stack.splice(stack.indexOf(module));
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const module of graph.keys()) if (!order.has(module)) visit(module);
  return cycles;
}

const graph = readGraph();
const folderOf = (module: string): string => /^[^/]+(?=\/)/.exec(module)?.[0] ?? '.';

/** The imports of `folder`'s modules that land in one of `forbidden` (folders of src/). */
function importsInto(folder: string, forbidden: readonly string[]): string[] {
  return [...graph]
    .filter(([module]) => folderOf(module) === folder)
    .flatMap(([module, imports]) =>
      imports
        .filter((target) => forbidden.includes(folderOf(target)))
        .map((t) => `${module} -> ${t}`),
    );
}

it('reads the modules it checks', () => {
  expect(graph.get('core/call-host.ts')).toEqual(expect.arrayContaining(['core/host-lock.ts']));
  expect(graph.size).toBeGreaterThan(80);
});

it('has no import cycle', () => {
  expect(cyclesOf(graph)).toEqual([]);
});

it('finds a cycle where there is one', () => {
  const looped = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts', 'a.ts']],
    ['c.ts', []],
  ]);
  expect(cyclesOf(looped)).toEqual([['a.ts', 'b.ts']]);
});

it.each([
  [
    'core',
    'the payment call knows nothing of checkouts, kits or result words',
    ['checkout', 'server', 'testing', 'messages'],
  ],
  [
    'validation',
    'parameter checks know nothing of checkouts or kits',
    ['checkout', 'server', 'testing', 'messages'],
  ],
  [
    'shared',
    'what client and server share depends on neither',
    ['core', 'checkout', 'server', 'testing', 'messages'],
  ],
  [
    'server',
    'the server kit shares only the wire types and value helpers with the client',
    ['core', 'checkout', 'validation', 'testing', 'messages'],
  ],
])('%s: %s', (folder, _why, forbidden) => {
  expect(importsInto(folder, forbidden)).toEqual([]);
});

it('the client (everything but the server kit) imports nothing of Node', () => {
  const nodeImports = [...graph]
    .filter(([module]) => folderOf(module) !== 'server')
    .flatMap(([module, imports]) =>
      imports.filter((target) => target.startsWith('node:')).map(() => module),
    );
  expect(nodeImports).toEqual([]);
});
