// Type-aware lint for every workspace package (flat config, typescript-eslint project service).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/generated/**',
      '**/.turbo/**',
      '**/.wirelens/**',
      '**/*.config.js',
      '**/graphql-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'error',
      'no-restricted-syntax': [
        'error',
        {
          // pino's level methods read their logger from `this`; handed over detached they throw at the first line.
          selector:
            'MemberExpression[property.name=/^(trace|debug|info|warn|error|fatal)$/]:matches([object.name=/^(logger|log)$/], [object.property.name=/^(logger|log)$/]):not(CallExpression > .callee)',
          message: 'Pass `(message) => logger.info(message)`: pino methods need their logger as `this`.',
        },
      ],
    },
  },
);
