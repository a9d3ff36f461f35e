import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const entries = { index: 'src/index.ts', testing: 'src/testing/index.ts' };

/** Compiles the sources for one syntax target; the mini program build keeps to ES2015. */
const compile = (target) =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts', 'typings/**/*.d.ts'],
    compilerOptions: { target, noEmit: false, declaration: false, removeComments: true },
  });

export default [
  {
    input: entries,
    plugins: [compile('ES2020')],
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
    input: 'src/index.ts',
    plugins: [compile('ES2015')],
    output: { file: 'miniprogram_dist/index.js', format: 'cjs' },
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
