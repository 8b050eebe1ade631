import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';

// Layout is checked by ESLint's stylistic rules, not reformatted by a formatter (docs/architecture.md,
// "Formatting"): these are the rules the code follows everywhere.
const layout = {
  '@stylistic/semi': ['error', 'always'],
  '@stylistic/comma-dangle': ['error', 'always-multiline'],
  '@stylistic/eol-last': 'error',
  '@stylistic/no-trailing-spaces': 'error',
  '@stylistic/no-tabs': 'error',
  '@stylistic/linebreak-style': ['error', 'unix'],
  '@stylistic/brace-style': ['error', '1tbs', { allowSingleLine: true }],
  '@stylistic/arrow-parens': ['error', 'always'],
  '@stylistic/keyword-spacing': 'error',
  '@stylistic/space-before-blocks': 'error',
  '@stylistic/space-in-parens': 'error',
  '@stylistic/space-infix-ops': 'error',
  '@stylistic/comma-spacing': 'error',
  '@stylistic/key-spacing': 'error',
  '@stylistic/semi-spacing': 'error',
  '@stylistic/block-spacing': 'error',
  '@stylistic/no-multi-spaces': ['error', { ignoreEOLComments: true }],
  '@stylistic/member-delimiter-style': 'error',
  '@stylistic/type-annotation-spacing': 'error',
  '@stylistic/no-multiple-empty-lines': ['error', { max: 1, maxEOF: 0 }],
  // Double quotes or a backtick only where they spare an escaped quote ("it's", `'a' || "b"`).
  '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'avoidEscape' }],
  // A continued expression's operator starts the next line; an assignment's stays at the end.
  '@stylistic/operator-linebreak': ['error', 'before', { overrides: { '=': 'after', '+=': 'after', '-=': 'after', '??=': 'after', '||=': 'after', '&&=': 'after' } }],
  // Two spaces; a ternary's branches that open a call or literal indent their contents one step further.
  '@stylistic/indent': ['error', 2, { SwitchCase: 1, offsetTernaryExpressions: true }],
  // Lines the reader need not scroll; strings, templates, regular expressions and URLs may run on (breaking them hides the text).
  '@stylistic/max-len': ['error', { code: 160, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
};

// The rules that need no types. The type-aware ones (typescript-eslint's recommended-type-checked
// set) and the type check run in oxlint with tsgolint (.oxlintrc.json, `npm run lint:types`):
// docs/architecture.md, "What `npm run lint` costs".
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', '.dw/**', 'test-artifacts/**', '**/*.cjs', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    plugins: { '@stylistic': stylistic },
    rules: layout,
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/extension may import vscode.' }] }],
    },
  },
  {
    files: ['src/extension/**/*.ts', 'test/vscode/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
