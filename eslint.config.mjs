// Lint is part of the build (DESIGN.md): type-checked rules catch floating and misused promises,
// import-x catches import cycles between files and, with LAYERS, between folders, and Prettier owns
// the layout (eslint-config-prettier turns off the rules that would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The folders of src/ from the bottom up: a folder imports only folders before it in this list
 * (and the files at the root of src/, which assemble everything, import any), so no two folders
 * import each other, however many steps apart. A new folder takes its place here; an import the
 * other way fails lint: move what both sides need down to a folder they may both import.
 */
const LAYERS = [
  'common', // dates and what "current" means, errors, validation: needs nothing
  'config', // the environment
  'database', // the data source, keyset pages, versioned writes and their audit events
  'auth', // tokens, actors, the role guard and the scope policy
  'overview', // the overview page and the explorer's static files
  'graphql', // Apollo, the request context, loaders, the SQL projection
  'audit', // the audit trail and the change feed
  'health',
  'modules/regions', // the domain modules, each after those it builds on
  'modules/alliances',
  'modules/organisations',
  'modules/people',
  'modules/agreements',
  'modules/meetings',
  'modules/releases',
  'modules/dashboard',
  'modules/proposals',
  'modules/release-analysis', // reading a press release against the registry, and importing it
  'modules/export', // open data: Popolo and CSV
  'demo',
];
const layerZones = LAYERS.map((layer, index) => ({
  target: `./src/${layer}/**`,
  from: [...LAYERS.slice(index + 1).map((above) => `./src/${above}/**`), './src/*.ts'],
  message: `src/${layer} may import only the folders before it in LAYERS (eslint.config.mjs).`,
}));
// A folder that is not in LAYERS yet has no place in the order: importing from it fails until it has one.
const unlisted = (parent, folders) => `./src/${parent}!(${folders.join('|')})/**`;
layerZones.push({
  target: './src/**',
  from: [
    unlisted('', [...LAYERS.filter((layer) => !layer.includes('/')), 'modules']),
    unlisted(
      'modules/',
      LAYERS.filter((layer) => layer.startsWith('modules/')).map((layer) => layer.slice('modules/'.length)),
    ),
  ],
  message: 'The folder is not in LAYERS (eslint.config.mjs): give it its place in the order first.',
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.data/', 'bench/results/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      // Apollo's plugin hooks and Nest's lifecycle hooks are typed to return promises; an async
      // method without await is how they are written, not a mistake.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // A test reads GraphQL answers as untyped JSON and checks them with assertions; typing every
    // answer would add casts, not safety. The promise rules stay on here too.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['public/**/*.js'],
    // GraphiQL, React and ReactDOM are the vendored browser builds that graphiql.html loads first.
    languageOptions: {
      sourceType: 'script',
      globals: { ...globals.browser, GraphiQL: 'readonly', React: 'readonly', ReactDOM: 'readonly' },
    },
  },
  prettier,
);
