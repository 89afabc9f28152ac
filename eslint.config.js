// @ts-check
import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * DESIGN.md's one rule between layers: imports only point down (components → hooks → api), `api` never
 * imports React, `ui` never imports hooks or api, and the emulator shares nothing with the client but
 * the wire types. `test/layer-rule.test.ts` proves each of these fails the run.
 */
const layer = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
})
const react = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  '@tanstack/*',
  'react-hook-form',
  '@hookform/*',
]
// Clerk's SDK stays behind the `react-email-addresses/clerk` entry.
const clerk = {
  group: ['@clerk/*'],
  message: 'Only src/clerk may import Clerk’s SDK (an optional peer).',
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'storybook-static',
      'coverage',
      'test-results',
      'playwright-report',
      '.bench/**',
      '.tmp/**',
      'public/mockServiceWorker.js',
      'node_modules',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strict,
  pluginQuery.configs['flat/recommended'],
  {
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // React's rules the compiler checks: no ref read or written during render, no state synced in
      // an effect where it can be derived during render.
      'react-hooks/refs': 'error',
      'react-hooks/set-state-in-effect': 'error',
      'react-hooks/set-state-in-render': 'error',
      curly: ['error', 'all'],
      'no-console': ['error', { allow: ['error', 'warn'] }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No dangerouslySetInnerHTML: render text, never HTML strings.',
        },
      ],
    },
  },
  layer(
    ['src/api/**'],
    [
      { group: react, message: 'src/api is React-free (DESIGN.md, layers).' },
      clerk,
      {
        group: [
          '**/hooks',
          '**/hooks/**',
          '**/components',
          '**/components/**',
          '**/localization/**',
          '**/testing/**',
          '**/server/**',
        ],
        message:
          'Imports only point down: components → hooks → api. src/api may import nothing above it.',
      },
    ],
  ),
  layer(
    ['src/hooks/**'],
    [
      clerk,
      {
        group: ['**/components', '**/components/**', '**/testing/**', '**/server/**'],
        message:
          'Imports only point down: components → hooks → api. src/hooks may not import components, testing or server.',
      },
    ],
  ),
  layer(
    ['src/components/**'],
    [
      clerk,
      {
        group: ['**/testing/**', '**/server/**', '**/clerk/**'],
        message:
          'Components are built on the hooks; they never import the emulator, the server or the Clerk adapter.',
      },
    ],
  ),
  layer(
    ['src/components/ui/**'],
    [
      {
        group: ['**/hooks', '**/hooks/**', '**/api', '**/api/**', '@tanstack/*'],
        message: 'components/ui holds data-free primitives (DESIGN.md): no hooks, no api.',
      },
    ],
  ),
  layer(
    ['src/server/**'],
    [
      {
        group: [...react, '**/hooks/**', '**/components/**', '**/testing/**'],
        message: 'src/server is the React-free Backend API client (DESIGN.md).',
      },
    ],
  ),
  layer(
    ['src/clerk/**'],
    [
      {
        group: ['**/components', '**/components/**', '**/testing/**', '**/server/**'],
        message:
          'src/clerk adapts the hooks to Clerk’s React SDK: no components, testing or server imports.',
      },
    ],
  ),
  layer(
    ['src/testing/**'],
    [
      {
        group: [
          '**/api/*',
          '!**/api/wire-types',
          '**/hooks/**',
          '**/components/**',
          '**/server/**',
        ],
        message:
          'The emulator is the server side: it shares only the wire types with the client (DESIGN.md), never its parsers or request builders.',
      },
    ],
  ),
  {
    // Tests may reach across layers (e.g. drive the server client against the emulator); the rule
    // guards what ships.
    files: [
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/*.test-d.ts',
      '**/*.stories.tsx',
      '.storybook/**',
      'test/**',
      'scripts/**',
    ],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-restricted-imports': 'off',
    },
  },
)
