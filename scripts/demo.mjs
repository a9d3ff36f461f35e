// npm run demo: a headless walkthrough of the demo mini program against the demo's backend.
// Builds the library and the demo's miniprogram_npm first, then runs the real pages.
import { createRequire } from 'node:module';
import { register } from 'tsx/cjs/api';
import { buildDemoNpm } from './lib/build-demo-npm.mjs';

if (!process.argv.includes('--no-build')) {
  const started = Date.now();
  console.log('Building the library and the demo npm (npm run build, npm pack, packNpmManually)…');
  await buildDemoNpm({ log: (line) => console.log(`  ${line}`) });
  console.log(`built in ${Date.now() - started} ms\n`);
}

// The runner and the backend are TypeScript, loaded as CommonJS through tsx.
register();
const { runWalkthrough } = createRequire(import.meta.url)('./lib/walkthrough.ts');
const ok = await runWalkthrough();
process.exit(ok ? 0 : 1);
