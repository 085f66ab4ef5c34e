// Runs the PostGraphile v4 CLI with ONE copy of graphql 15. The project's own graphql is 16, so npm
// nests graphql 15 twice (under postgraphile and under graphile-build-pg); schema types built by one
// copy and executed by the other fail ("Unexpected input type"). Every `graphql` import is pinned to
// postgraphile's copy here. Usage: node bench/postgraphile.cjs <postgraphile CLI arguments>
const Module = require('node:module');
const { dirname, join } = require('node:path');
const postgraphileDir = dirname(require.resolve('postgraphile/package.json'));
const graphqlDir = dirname(require.resolve('graphql/package.json', { paths: [postgraphileDir] }));
const original = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'graphql' || request.startsWith('graphql/')) {
    return original.call(this, join(graphqlDir, request.slice('graphql'.length) || ''), parent, ...rest);
  }
  return original.call(this, request, parent, ...rest);
};
require(join(postgraphileDir, 'cli.js'));
