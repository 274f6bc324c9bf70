// The lint that `npm test` runs: typescript-eslint's recommended rules, and the import boundaries of
// DESIGN.md ("Shape of the code"), which keep the pure core pure and the Apps Script bundle free of Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Who may import whom inside src/ (DESIGN.md). Each zone forbids `from` for files under `target`. */
const boundaries = [
  // The pure core imports nothing outside itself.
  { target: './src/core', from: './src', except: ['./core'], message: 'core imports nothing outside src/core.' },
  // Formulas build on the core only.
  { target: './src/functions', from: './src', except: ['./core', './functions'], message: 'functions import only src/core.' },
  // The sidebar/server contract is shared by both sides: core only.
  { target: './src/rpc', from: './src', except: ['./core', './rpc'], message: 'rpc imports only src/core.' },
  // The server: core, functions, rpc and itself.
  {
    target: './src/server',
    from: './src',
    except: ['./core', './functions', './rpc', './server'],
    message: 'server imports core, functions and rpc only.',
  },
  // The sidebar runs in the browser and talks to the server only through the contract.
  {
    target: './src/sidebar',
    from: './src',
    except: ['./core', './rpc', './sidebar'],
    message: 'the sidebar imports rpc and core only, never server.',
  },
  // The Apps Script entries wire server, functions and core together.
  {
    target: './src/appsscript',
    from: './src',
    except: ['./core', './functions', './server', './rpc', './appsscript'],
    message: 'appsscript imports server, functions, rpc and core only.',
  },
];

/** Code that ships to Apps Script or the browser: no Node modules there. */
const SHIPPED = ['src/core/**', 'src/functions/**', 'src/rpc/**', 'src/server/**', 'src/sidebar/**', 'src/appsscript/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tests/browser/screenshots/**', '**/*.js', '!eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-constant-condition': ['error', { checkLoops: false }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: boundaries }] },
  },
  {
    files: SHIPPED,
    rules: {
      'import-x/no-nodejs-modules': 'error',
      // HyperFormula is the in-memory twin's engine: dev only, never in a shipped bundle.
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['hyperformula'], message: 'HyperFormula is for the in-memory workbook (src/server/adapters/memory) only.' }],
        },
      ],
    },
  },
  {
    // The in-memory twins run in Node (tests, the preview, the command line) and wrap HyperFormula.
    files: ['src/server/adapters/memory/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Published coefficients (Lanczos, Acklam, reference values) carry more digits than a double holds, on purpose.
    files: ['src/core/stats/**', 'tests/**/*.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
