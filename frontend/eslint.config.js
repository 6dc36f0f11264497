// ESLint (flat config): typescript-eslint with type information, the React hooks rules, and the
// import boundaries of src/ (see README "Layout"): a feature uses shared code, never another feature;
// shared code uses no feature; only app/ puts features together.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = ['connection', 'recording', 'recordings', 'rigs', 'uploads'];
const SHARED = ['components', 'config', 'hooks', 'i18n', 'lib', 'styles', 'types'];

const boundaries = [
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'A feature does not import another feature: move what both need to a shared folder, or wire them in app/.',
  })),
  {
    target: './src/features',
    from: './src/app',
    message: 'Features do not import the page (app/): it imports them.',
  },
  {
    target: SHARED.map((dir) => `./src/${dir}`),
    from: ['./src/features', './src/app'],
    message: 'Shared code does not depend on features or on app/.',
  },
  {
    target: './src/test',
    from: './src/features',
    message: 'Test helpers are shared: they do not depend on a feature.',
  },
];

export default defineConfig(
  globalIgnores(['dist', 'coverage']),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked, reactHooks.configs.flat.recommended],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // An import the resolver cannot follow would slip past the boundaries below: make it an error.
      'import-x/no-unresolved': 'error',
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: boundaries }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/types/api'],
              message: "Import wire types from 'types' (types/index.ts): types/api.ts is generated (npm run gen:api).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/types/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
);
