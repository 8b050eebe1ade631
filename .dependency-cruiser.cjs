/**
 * The dependency rules of the codebase, checked by `npm run lint` (dependency-cruiser).
 * Layers (docs/architecture.md): core <- cli, core <- extension, protocol <- webview; nothing
 * runs up, and no module takes part in an import cycle.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle makes load order matter and hides a missing layer: move the shared part out.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-headless',
      severity: 'error',
      comment: 'src/core runs in the CLI and in tests without VS Code: no vscode, no extension, cli or webview code.',
      from: { path: '^src/core/' },
      to: { path: ['^src/(extension|cli)/', '^webview/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-no-vscode',
      severity: 'error',
      comment: 'Only src/extension runs inside VS Code.',
      from: { path: '^(src/(core|cli|protocol)|webview)/' },
      to: { path: '^node_modules/@types/vscode/' },
    },
    {
      name: 'cli-not-extension',
      severity: 'error',
      comment: 'The CLI and the extension are siblings over core.',
      from: { path: '^src/cli/' },
      to: { path: ['^src/extension/', '^webview/'] },
    },
    {
      name: 'extension-not-cli',
      severity: 'error',
      from: { path: '^src/extension/' },
      to: { path: ['^src/cli/', '^webview/'] },
    },
    {
      name: 'protocol-stands-alone',
      severity: 'error',
      comment: 'src/protocol is shared by the webview bundles and the host: it imports only itself.',
      from: { path: '^src/protocol/' },
      to: { pathNot: '^src/protocol/' },
    },
    {
      name: 'webview-through-protocol',
      severity: 'error',
      comment: 'Webview code talks to the host only through src/protocol messages.',
      from: { path: '^webview/' },
      to: { path: '^src/', pathNot: '^src/protocol/' },
    },
    {
      name: 'webview-no-node',
      severity: 'error',
      comment: 'Webview code runs in a browser.',
      from: { path: '^webview/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-dev-deps-in-product',
      severity: 'error',
      comment: 'Shipped code must not need a devDependency at run time (vscode itself is provided by VS Code).',
      from: { path: '^(src|webview)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: '^node_modules/@types/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
