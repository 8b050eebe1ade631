import * as vscode from 'vscode';

/** Diagnostics grouped by the file they sit in (absolute paths), in the order given. */
export function diagnosticsByFile(entries: Iterable<readonly [file: string, diagnostic: vscode.Diagnostic]>): Map<string, vscode.Diagnostic[]> {
  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const [file, diagnostic] of entries) {
    const list = byFile.get(file);
    if (list === undefined) byFile.set(file, [diagnostic]);
    else list.push(diagnostic);
  }
  return byFile;
}

/** Everything `collection` shows becomes `entries`: what it showed before and is not among them goes. */
export function replaceDiagnostics(collection: vscode.DiagnosticCollection, entries: Iterable<readonly [file: string, diagnostic: vscode.Diagnostic]>): void {
  collection.clear();
  for (const [file, diagnostics] of diagnosticsByFile(entries)) collection.set(vscode.Uri.file(file), diagnostics);
}
