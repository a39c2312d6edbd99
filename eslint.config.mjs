// ESLint (npm run lint, run by make test; zero warnings): Next's core-web-vitals rules (React,
// the React hooks rules, jsx-a11y, imports, @next/next) and typescript-eslint's recommended rules.
// No layout rules: layout is Prettier's (npm run format). See docs/testing.md "Formatter and linter".
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  ...nextVitals,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Omitting a field by rest destructuring (`const { file: _f, ...rest } = x`) is the idiom, not a mistake.
      '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }],
    },
  },
  {
    // House style: small functions and files (docs/architecture.md). Tests are tables and scenarios; they are exempt.
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts', 'bench/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/*.test-support.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      'max-lines': ['error', { max: 220, skipBlankLines: true, skipComments: true }],
    },
  },
  // Generated or built, never edited by hand.
  globalIgnores([
    '.next/**',
    '.local/**',
    'next-env.d.ts',
    'public/worklets/**',
    'src/server/db/generated/**',
    'src/server/db/generated-pg/**',
    'test-results/**',
    'test-results-tls/**',
    'test-results-waiting/**',
    'playwright-report/**',
  ]),
]);
