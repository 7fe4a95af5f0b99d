// @ts-check
import { defineConfig } from 'eslint/config';
import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

/** Astro's virtual modules exist only inside Vite: code that Node loads alone (workers, scripts) cannot import them. */
const NO_ASTRO_VIRTUAL = {
  group: ['astro:*'],
  message: 'Node runs this code outside Vite (worker threads, scripts), where astro:* modules do not exist.',
};

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.dist-staging/',
      '.dist-previous/',
      'tests/.sites/',
      'tests/.scratch/',
      'tests/.output/',
      'node_modules/',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Template literals with numbers read naturally in messages.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  // The folder boundaries of docs/architecture.md.
  {
    // Worker threads, Node-only machinery, the importer and the scripts.
    files: [
      'src/build/**',
      'src/bodies/**',
      'src/previews/**',
      'src/importer/**',
      'src/deploy/**',
      'scripts/**',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_ASTRO_VIRTUAL] }] },
  },
  {
    // Primitives: pure functions that every domain may use, and that use no domain.
    files: ['src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_ASTRO_VIRTUAL,
            { group: ['../*'], message: 'src/lib/ holds primitives: it imports no domain folder.' },
            {
              group: ['node:*'],
              message: 'src/lib/ is pure: disk, threads and environment belong in src/build/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Browser scripts.
    files: ['src/client/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_ASTRO_VIRTUAL,
            { group: ['node:*'], message: 'src/client/ runs in browsers, which have no Node modules.' },
          ],
        },
      ],
    },
  },
  ...eslintPluginAstro.configs['flat/recommended'],
);
