// The demo's merchant server as plain CommonJS for `npm run bench:server`: TypeScript's
// transpileModule over demo-miniprogram/merchant-server/src into .tmp/ (git-ignored), so that
// the benchmark runs it on plain node (tsx's keepNames would make every closure bigger). What
// it imports from the library is the build in dist/: the server kit and toOrderState (through
// its one seam, kit.ts, as a mutable copy the benchmark may instrument).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'demo-miniprogram/merchant-server/src');
const target = join(root, '.tmp/bench-merchant-server');

/** Transpiles every source file; returns the paths of the built `server.js` and `kit.js`. */
export function buildMerchantServer() {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  rmSync(target, { recursive: true, force: true });
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
  const kit = join(target, 'kit.js');
  const build = (name) => JSON.stringify(join(root, 'dist', name));
  writeFileSync(
    kit,
    `"use strict";\nmodule.exports = { ...require(${build('server.cjs')}), toOrderState: require(${build('index.cjs')}).toOrderState };\n`,
  );
  writeFileSync(join(target, 'package.json'), '{ "type": "commonjs" }\n');
  return { serverJs: join(target, 'server.js'), kitJs: kit };
}
