import * as vscode from 'vscode';
import type { DwContext } from '../context';

/** "DW: Open Project File". */
export const openProjectFile = (ctx: DwContext) => async (): Promise<void> => {
  const uri = await ctx.projectState.findFile();
  if (uri === undefined) {
    await ctx.requireProject();
    return;
  }
  await vscode.window.showTextDocument(uri);
};

/** "DW: Show Output". */
export const showOutput = (ctx: DwContext) => (): void => {
  ctx.log.show(true);
};
