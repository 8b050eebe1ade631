import path from 'node:path';

/**
 * Where a save dialog for an export opens: the project's folder, else the first workspace
 * folder, else the home folder. Always an absolute path: a bare file name given to the save
 * dialog resolves against the filesystem root.
 */
export function defaultExportPath(
  fileName: string, where: { readonly projectRoot?: string; readonly workspaceFolders: readonly string[]; readonly home: string },
): string {
  const folder = where.projectRoot ?? where.workspaceFolders[0] ?? where.home;
  return path.join(path.resolve(folder), path.basename(fileName));
}
