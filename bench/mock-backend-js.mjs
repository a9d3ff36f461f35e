// The mock backend as plain CommonJS for `npm run bench:server`: TypeScript's transpileModule
// over demo-miniprogram/mock-backend/src into .tmp/ (git-ignored), so that the benchmark runs
// both servers on plain node (tsx's keepNames would make every closure of the mock bigger).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'demo-miniprogram/mock-backend/src');
const target = join(root, '.tmp/bench-mock-backend');

/** Transpiles every source file; returns the path of the built `server.js`. */
export function buildMockBackend() {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  for (const file of walk(source).filter((path) => path.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
      fileName: file,
    });
    const out = join(target, relative(source, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  writeFileSync(join(target, 'package.json'), '{ "type": "commonjs" }\n');
  return join(target, 'server.js');
}
