// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Imports flow one way: contracts ← domain ← storage/api/bot ← main, and the tab reaches the server
 * side only through src/contracts. A wrong arrow fails `npm run lint`.
 */
const layer = (/** @type {string[]} */ forbidden, /** @type {string} */ message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
});

const anyDepth = (/** @type {string} */ target) => [
  `**/${target}`,
  `**/${target}/**`,
  `../${target}`,
  `../${target}/**`,
  `../../${target}`,
  `../../${target}/**`,
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.data/**', 'appPackage/build/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...tseslint.configs.stylistic,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['tab/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer(
      [
        ...anyDepth('src/domain'),
        ...anyDepth('src/storage'),
        ...anyDepth('src/api'),
        ...anyDepth('src/main*'),
        ...anyDepth('src/config*'),
        ...anyDepth('bot'),
        'express',
        '@azure/*',
        'botbuilder*',
        'node:*',
      ],
      'The tab imports only src/contracts from the server side.',
    ),
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: layer(
      [
        ...anyDepth('domain'),
        ...anyDepth('storage'),
        ...anyDepth('api'),
        ...anyDepth('bot'),
        ...anyDepth('main*'),
        ...anyDepth('config*'),
      ],
      'Contracts depend on nothing in the app: contracts ← domain ← storage/api/bot ← main.',
    ),
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: layer(
      [
        ...anyDepth('storage'),
        ...anyDepth('api'),
        ...anyDepth('bot'),
        ...anyDepth('main*'),
        ...anyDepth('config*'),
        '@azure/*',
        'express',
        'botbuilder*',
        'node:fs',
        'node:fs/*',
        'node:http',
        'node:https',
        'node:net',
      ],
      'The domain is pure: it imports only src/contracts (contracts ← domain ← storage/api/bot ← main).',
    ),
  },
  {
    files: ['src/storage/**/*.ts'],
    rules: layer(
      [
        ...anyDepth('api'),
        ...anyDepth('bot'),
        ...anyDepth('services'),
        ...anyDepth('main*'),
        'express',
        'botbuilder*',
      ],
      'Storage sits beside api and bot: contracts ← domain ← storage/api/bot ← main.',
    ),
  },
  {
    files: ['src/services/**/*.ts'],
    rules: layer(
      [
        ...anyDepth('storage'),
        ...anyDepth('api'),
        ...anyDepth('bot'),
        ...anyDepth('main*'),
        ...anyDepth('config*'),
        '@azure/*',
        'express',
        'botbuilder*',
      ],
      'Services declare the ports they need; storage implements them and src/main.ts wires them.',
    ),
  },
  {
    files: ['src/api/**/*.ts'],
    rules: layer(
      [...anyDepth('storage'), ...anyDepth('bot'), ...anyDepth('main*'), '@azure/*', 'botbuilder*'],
      'The API reaches storage only through services wired in src/main.ts.',
    ),
  },
  {
    files: ['src/observability/**/*.ts'],
    rules: layer(
      // Relative paths only: `anyDepth('api')` would also match '@opentelemetry/api'.
      [
        ...['domain', 'services', 'storage', 'api', 'main*'].flatMap((folder) => [
          `../${folder}`,
          `../${folder}/**`,
        ]),
        '../../bot/**',
        'express',
        'botbuilder*',
      ],
      'Telemetry knows only its settings; src/main.ts hands it what it counts.',
    ),
  },
  {
    files: ['src/server.ts'],
    rules: layer(
      [
        ...anyDepth('storage'),
        ...anyDepth('api'),
        ...anyDepth('services'),
        'express',
        '@azure/cosmos',
      ],
      'The entry loads the app only through a dynamic import of src/main.ts, after telemetry.',
    ),
  },
  {
    files: ['bot/**/*.ts'],
    rules: layer(
      [...anyDepth('src/storage'), ...anyDepth('src/api'), ...anyDepth('src/main*'), 'express'],
      'The bot reaches storage only through services wired in src/main.ts.',
    ),
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off', 'no-console': 'off' },
  },
  prettier,
);
