import json from '@rollup/plugin-json';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const entries = {
  index: 'src/index.ts',
  messages: 'src/messages/index.ts',
  testing: 'src/testing/index.ts',
};
/** What a mini program can require after DevTools' "Build npm": no testing kit, no server kit. */
const miniprogramEntries = { index: entries.index, messages: entries.messages };
/** The merchant server's entry point: Node 18+, its own tsconfig (Node types), never in miniprogram_dist. */
const serverEntries = { server: 'src/server/index.ts' };
/** Node's built-in modules stay imports (the server kit has no other dependency). */
const nodeBuiltins = [/^node:/];

/** Compiles the sources for one syntax target; the mini program build keeps to ES2015. */
const compile = (target, tsconfig = './tsconfig.json') => [
  // The locales of miniprogram-pay/messages are JSON data.
  json({ preferConst: true }),
  typescript({
    tsconfig,
    include: ['src/**/*.ts', 'typings/**/*.d.ts'],
    compilerOptions: { target, noEmit: false, declaration: false, removeComments: true },
  }),
];

/** ESM and CJS builds of `input` in dist/. */
const dualOutput = [
  {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].mjs',
    chunkFileNames: '[name]-[hash].mjs',
  },
  {
    dir: 'dist',
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: '[name]-[hash].cjs',
  },
];

export default [
  {
    input: entries,
    plugins: compile('ES2020'),
    output: dualOutput,
  },
  {
    input: serverEntries,
    plugins: compile('ES2022', './tsconfig.server.json'),
    external: nodeBuiltins,
    output: dualOutput,
  },
  {
    input: miniprogramEntries,
    plugins: compile('ES2015'),
    output: {
      dir: 'miniprogram_dist',
      format: 'cjs',
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
    },
  },
  ...['mts', 'cts'].flatMap((extension) => [
    {
      input: entries,
      plugins: [dts({ compilerOptions: { noEmit: false } })],
      output: {
        dir: 'dist',
        entryFileNames: `[name].d.${extension}`,
        chunkFileNames: `[name]-[hash].d.${extension}`,
      },
    },
    {
      input: serverEntries,
      plugins: [dts({ tsconfig: './tsconfig.server.json', compilerOptions: { noEmit: false } })],
      external: nodeBuiltins,
      output: { dir: 'dist', entryFileNames: `[name].d.${extension}` },
    },
  ]),
];
