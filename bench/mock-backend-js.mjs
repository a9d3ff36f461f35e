// The mock backend as plain CommonJS for `npm run bench:server`: TypeScript's transpileModule
// over demo-miniprogram/mock-backend/src into .tmp/ (git-ignored), so that the benchmark runs
// both servers on plain node (tsx's keepNames would make every closure of the mock bigger).
// What it imports from the library is the build in dist/: the server kit (through its one
// seam, server-kit.ts, as a mutable copy the benchmark may instrument) and toOrderState.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'demo-miniprogram/mock-backend/src');
const target = join(root, '.tmp/bench-mock-backend');

/** The library modules the mock backend imports, and the build that exports them. */
const BUILDS = new Map([
  [join(root, 'src/server/index'), join(root, 'dist/server.cjs')],
  [join(root, 'src/checkout/order-state'), join(root, 'dist/index.cjs')],
]);

/** Points each require that leaves the mock backend's sources at the library's build. */
function useBuilds(code, file) {
  return code.replace(/require\("(\.[^"]+)"\)/g, (call, specifier) => {
    const resolved = resolve(dirname(file), specifier);
    if (!relative(source, resolved).startsWith('..')) return call;
    const build = BUILDS.get(resolved);
    if (!build) throw new Error(`${file} imports ${specifier}: add its build to BUILDS`);
    return `require(${JSON.stringify(build)})`;
  });
}

/** Transpiles every source file; returns the paths of the built `server.js` and `server-kit.js`. */
export function buildMockBackend() {
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
    writeFileSync(out, useBuilds(outputText, file));
  }
  const serverKit = join(target, 'server-kit.js');
  writeFileSync(
    serverKit,
    `"use strict";\nmodule.exports = { ...require(${JSON.stringify(join(root, 'dist/server.cjs'))}) };\n`,
  );
  writeFileSync(join(target, 'package.json'), '{ "type": "commonjs" }\n');
  return { serverJs: join(target, 'server.js'), serverKitJs: serverKit };
}
