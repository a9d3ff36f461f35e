// The package gates of `npm test`, on one `npm pack` of the built package (run `npm run build`
// first). Fails (exit 1) on any problem:
// - the tarball holds only what a user needs: package.json, README.md, LICENSE, the builds in
//   dist/ (.mjs, .cjs, .d.mts, .d.cts) and miniprogram_dist/; no sources, tests, demo or maps;
// - everything package.json points at is in it, and every built file is reachable from an
//   entry point (no stale chunk of an older build);
// - the four entry points (`.`, `./messages`, `./testing`, `./server`) each have ESM and CJS builds with their
//   own declarations, and node10 finds the subpaths through typesVersions;
// - the server kit (`./server`, Node only) stays out of the main entry, the messages, the testing
//   kit and miniprogram_dist: none of them imports a `node:` module or a server file;
// - no runtime dependencies;
// - publint, strict (its suggestions count too);
// - @arethetypeswrong/cli, strict profile: types resolve for node10, node16 (CJS and ESM) and
//   bundler, for every entry point.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^dist\/[\w.-]+\.(mjs|cjs|d\.mts|d\.cts)$/,
  /^miniprogram_dist\/[\w./-]+\.js$/,
];
const REQUIRED = ['package.json', 'README.md', 'LICENSE'];
const MINIPROGRAM_ENTRIES = ['index.js', 'messages.js'];
const ENTRY_POINTS = {
  '.': 'index',
  './messages': 'messages',
  './testing': 'testing',
  './server': 'server',
};

const posix = (path) => normalize(path).replace(/\\/g, '/');
const problems = [];
const work = mkdtempSync(join(tmpdir(), 'miniprogram-pay-pack-'));
try {
  const [pack] = JSON.parse(
    execFileSync(
      process.platform === 'win32' ? 'npm.cmd' : 'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', work],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ),
  );
  const tarball = join(work, pack.filename);
  const files = pack.files.map((file) => file.path).sort();
  const shipped = new Set(files);
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

  console.log(
    `${pack.filename}: ${files.length} files, ${(pack.size / 1024).toFixed(1)} KB packed, ` +
      `${(pack.unpackedSize / 1024).toFixed(1)} KB unpacked`,
  );
  for (const file of pack.files) console.log(`  ${file.path} (${file.size} B)`);

  for (const file of files) {
    if (!ALLOWED.some((pattern) => pattern.test(file))) problems.push(`not for users: ${file}`);
  }
  for (const file of REQUIRED) {
    if (!shipped.has(file)) problems.push(`missing: ${file}`);
  }

  // Every file package.json points at: exports targets, typesVersions, main, module, types.
  const targets = [];
  const collect = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(pkg.exports);
  collect(pkg.typesVersions);
  for (const field of ['main', 'module', 'types']) collect(pkg[field]);
  // What a mini program requires after DevTools' "Build npm": `miniprogram-pay` and
  // `miniprogram-pay/messages`, resolved inside the folder the `miniprogram` field names.
  for (const entry of MINIPROGRAM_ENTRIES) targets.push(join(pkg.miniprogram, entry));
  const entries = [...new Set(targets.map(posix))];
  for (const entry of entries) {
    if (!shipped.has(entry)) problems.push(`package.json points at a file not shipped: ${entry}`);
  }

  for (const [entry, name] of Object.entries(ENTRY_POINTS)) {
    const expected = {
      import: { types: `./dist/${name}.d.mts`, default: `./dist/${name}.mjs` },
      require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
    };
    if (JSON.stringify(pkg.exports?.[entry]) !== JSON.stringify(expected)) {
      problems.push(`exports["${entry}"] is not ${JSON.stringify(expected)}`);
    }
    const subpath = entry.slice(2);
    if (subpath && pkg.typesVersions?.['*']?.[subpath]?.[0] !== `./dist/${name}.d.cts`) {
      problems.push(`typesVersions has no ${subpath} -> ./dist/${name}.d.cts (node10)`);
    }
  }

  // Walks relative imports (`from './x'`, `import('./x')`, `require('./x')`) from the entries.
  const reachable = new Set();
  const pending = entries.filter((entry) => shipped.has(entry) && entry !== 'package.json');
  while (pending.length) {
    const file = pending.pop();
    if (reachable.has(file)) continue;
    reachable.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(
      /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g,
    )) {
      const path = posix(join(dirname(file), specifier));
      // A declaration file imports `./x.mjs` and TypeScript reads `./x.d.mts`.
      const target = [path, path.replace(/\.([mc]?)js$/, '.d.$1ts')].find((candidate) =>
        shipped.has(candidate),
      );
      if (target) pending.push(target);
      else problems.push(`${file} imports ${specifier}, which is not shipped`);
    }
  }
  for (const file of files) {
    if (/^(dist|miniprogram_dist)\//.test(file) && !reachable.has(file)) {
      problems.push(`not reachable from any entry point (stale build output?): ${file}`);
    }
  }

  // The mini program build and the client entries never reach Node or the server kit.
  const serverFiles = new Set(files.filter((file) => /^dist\/server\./.test(file)));
  for (const file of files) {
    if (serverFiles.has(file) || !/\.(m?js|cjs)$/.test(file)) continue;
    const source = readFileSync(file, 'utf8');
    if (/(?:from\s*|import\s*|import\s*\(\s*|require\s*\(\s*)['"]node:/.test(source)) {
      problems.push(`${file} imports a node: module (only dist/server.* may)`);
    }
    if (/['"]\.\/server\.[mc]?js['"]/.test(source)) problems.push(`${file} imports the server kit`);
  }

  if (Object.keys(pkg.dependencies ?? {}).length) {
    problems.push(`runtime dependencies: ${Object.keys(pkg.dependencies).join(', ')}`);
  }

  const lint = await publint({
    strict: true,
    pack: { tarball: new Uint8Array(readFileSync(tarball)).buffer },
  });
  for (const message of lint.messages) {
    problems.push(`publint ${message.type}: ${formatMessage(message, lint.pkg, { color: false })}`);
  }
  console.log(`publint (strict): ${lint.messages.length ? 'problems below' : 'all good'}`);

  // attw prints its own table; the strict profile checks node10, node16 and bundler.
  const attw = spawnSync(
    process.execPath,
    [join('node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js'), tarball],
    { stdio: 'inherit' },
  );
  if (attw.status !== 0) problems.push(`@arethetypeswrong/cli failed (exit ${attw.status})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`\nThe package is not fit to publish:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('package gates: ok (contents, entry points, publint, attw)');
