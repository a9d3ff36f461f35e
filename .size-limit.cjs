// Size budgets, measured on the built ESM output (npm run build first): esbuild bundles and
// minifies what a user's bundler would keep, then gzips it. `npm run size` prints the figures.
module.exports = [
  {
    name: 'requestPayment alone',
    path: 'dist/index.mjs',
    import: '{ requestPayment }',
    limit: '1.5 kB',
    gzip: true,
  },
  {
    name: 'the whole library',
    path: 'dist/index.mjs',
    import: '*',
    limit: '4.5 kB',
    gzip: true,
  },
];
