import json from '@rollup/plugin-json';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const entries = {
  index: 'src/index.ts',
  messages: 'src/messages/index.ts',
  testing: 'src/testing/index.ts',
};
/** What a mini program can require after DevTools' "Build npm": no testing kit. */
const miniprogramEntries = { index: entries.index, messages: entries.messages };

/** Compiles the sources for one syntax target; the mini program build keeps to ES2015. */
const compile = (target) => [
  // The locales of miniprogram-pay/messages are JSON data.
  json({ preferConst: true }),
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts', 'typings/**/*.d.ts'],
    compilerOptions: { target, noEmit: false, declaration: false, removeComments: true },
  }),
];

export default [
  {
    input: entries,
    plugins: compile('ES2020'),
    output: [
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
    ],
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
  ...['mts', 'cts'].map((extension) => ({
    input: entries,
    plugins: [dts({ compilerOptions: { noEmit: false } })],
    output: {
      dir: 'dist',
      entryFileNames: `[name].d.${extension}`,
      chunkFileNames: `[name]-[hash].d.${extension}`,
    },
  })),
];
