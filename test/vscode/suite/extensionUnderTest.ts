import * as vscode from 'vscode';

export const EXTENSION_ID = 'dw-workbench.dw-workbench';

/** The part of package.json's `contributes` the suite checks against the running extension. */
export interface Contributes {
  readonly commands?: readonly { readonly command: string; readonly title: string; readonly category?: string }[];
  readonly viewsContainers?: Readonly<Record<string, readonly { readonly id: string; readonly title: string }[]>>;
  readonly views?: Readonly<Record<string, readonly { readonly id: string; readonly name: string }[]>>;
  readonly taskDefinitions?: readonly { readonly type: string }[];
}

/** The installed DW Workbench extension, activated. */
export async function activatedExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (ext === undefined) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  await ext.activate();
  return ext;
}

export function contributes(ext: vscode.Extension<unknown>): Contributes {
  return (ext.packageJSON as { contributes?: Contributes }).contributes ?? {};
}

/** "DW: Test Connection" for a command with category "DW" and title "Test Connection". */
export function paletteLabel(c: { readonly title: string; readonly category?: string }): string {
  return c.category ? `${c.category}: ${c.title}` : c.title;
}
