// `npm run lint`'s code part: TypeScript's type check and ESLint (eslint.config.mjs over src,
// test, bench and webview) on one TypeScript program. dependency-cruiser runs beside it
// (npm-run-all2's run-p).
//
// Almost all of the time goes to TypeScript: the type-aware rules need one program of the whole
// project (1,100 files with the declarations) and its checker, as the type check does. So this
// builds that program once from tsconfig.json, reports its diagnostics as `tsc --noEmit -p .`
// would, and hands the same program to ESLint (`parserOptions.programs`): the rules then find the
// checker's types already resolved, and ESLint reuses the program's syntax trees instead of
// parsing every file again. Measured against the type check and ESLint run apart (docs/architecture.md,
// "What `npm run lint` costs"). An editor and plain `eslint` use the same configuration through
// the project service.
//
// A 64 MB young generation (V8's default is 16 MB, set by the npm script): the checker's
// short-lived objects then die young instead of being copied out, which cuts its scavenge pauses
// by about a third.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const targets = ['src', 'test', 'bench', 'webview'];
const configFile = path.join(root, 'tsconfig.json');

const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
const format = (diagnostics) => (process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics)(diagnostics, formatHost);

/** The program of tsconfig.json (undefined when the file cannot be read) and whether its type check passed; diagnostics printed as tsc prints them. */
function typeChecked() {
  let unrecoverable;
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => (unrecoverable = d) });
  if (parsed === undefined) {
    process.stdout.write(unrecoverable === undefined ? `${configFile}: cannot be read\n` : format([unrecoverable]));
    return { program: undefined, ok: false };
  }
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, projectReferences: parsed.projectReferences, configFileParsingDiagnostics: parsed.errors });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) process.stdout.write(`${format(diagnostics)}\nFound ${diagnostics.length} TypeScript error(s).\n`);
  return { program, ok: diagnostics.length === 0 };
}

const checked = typeChecked();
let failed = !checked.ok;
if (checked.program !== undefined) {
  const eslint = new ESLint({
    cwd: root,
    // The type check's program, not the project service's own.
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, programs: [checked.program] } } },
  });
  const results = await eslint.lintFiles(targets);
  process.stdout.write(await (await eslint.loadFormatter('stylish')).format(results));
  failed ||= results.some((r) => r.errorCount > 0 || r.fatalErrorCount > 0);
}
process.exitCode = failed ? 1 : 0;
