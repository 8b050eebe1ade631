import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { DetectError, describeDetection, detectProject as detect, writeDetectedProject, type DetectResult } from '../../core/project/detect';
import { projectProblems } from '../../core/project/load';
import type { DwContext } from '../context';

async function pickFolder(arg: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (arg !== undefined) return arg;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0]?.uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder to detect a warehouse project in') }))?.uri;
  return (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Detect Project Here') }))?.[0];
}

/** Shows a layout problem: every file:line in the log, the first one openable. */
async function reportProblem(ctx: DwContext, e: DetectError, folder: vscode.Uri): Promise<void> {
  ctx.log.error(`Detect Project: ${e.message}`);
  const first = e.problems[0];
  const open = vscode.l10n.t('Open {0}', first?.file ?? '');
  const output = vscode.l10n.t('Show Output');
  const answer = await vscode.window.showErrorMessage(
    vscode.l10n.t('Cannot propose a project: {0}', e.message.split('\n')[0] ?? ''),
    ...(first === undefined ? [] : [open]),
    output,
  );
  if (answer === output) ctx.log.show(true);
  if (answer === open && first !== undefined) {
    const uri = vscode.Uri.joinPath(folder, first.file);
    const position = new vscode.Position(Math.max(0, first.line - 1), Math.max(0, first.column - 1));
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position) });
  }
}

/** The proposal in an untitled JSON editor, or as a diff against the existing file. */
async function showProposal(result: DetectResult): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'json', content: result.text });
  if (result.projectFileExists) {
    await vscode.commands.executeCommand('vscode.diff', vscode.Uri.file(result.projectFile), doc.uri, vscode.l10n.t('dw-workbench.json ↔ detected proposal'), { preview: false });
  } else {
    await vscode.window.showTextDocument(doc, { preview: false });
  }
  return doc;
}

/**
 * Once written, the proposal's untitled editor (or diff) is reverted and closed: left open it
 * stays dirty, and closing it or the window would offer to save a second copy of the file.
 * Closing a dirty tab through the tab API prompts for a save, so each tab is made active and
 * closed with "Revert and Close Editor".
 */
async function discardProposal(doc: vscode.TextDocument): Promise<void> {
  const uri = doc.uri.toString();
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
  for (const tab of tabs) {
    if (tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === uri) {
      await vscode.commands.executeCommand('vscode.diff', tab.input.original, tab.input.modified, tab.label, { viewColumn: tab.group.viewColumn, preview: false });
    } else if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri) {
      await vscode.window.showTextDocument(doc, { viewColumn: tab.group.viewColumn, preview: false });
    } else {
      continue;
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/**
 * "DW: Detect Project": inspects the workspace (scripts, compose file, .env, mapping CSV),
 * explains every guess in the output channel, shows the proposed dw-workbench.json and writes it
 * only when the user confirms; an existing file is replaced only after a modal confirmation.
 */
export const detectProject = (ctx: DwContext) => async (folderArg?: vscode.Uri): Promise<void> => {
  const folder = await pickFolder(folderArg);
  if (folder === undefined) return;
  let result: DetectResult;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Detecting the warehouse project…') },
      () => detect({ folder: folder.fsPath }),
    );
  } catch (e) {
    if (e instanceof DetectError) {
      await reportProblem(ctx, e, folder);
      return;
    }
    throw e;
  }
  for (const line of describeDetection(result)) ctx.log.info(line);
  const doc = await showProposal(result);

  const write = vscode.l10n.t('Write dw-workbench.json');
  const details = vscode.l10n.t('Show Details');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('Detected a {0} project: {1} setting(s) guessed, {2} item(s) not detected. Review the proposal, then write it.', result.proposal.engine, result.guesses.length, result.undetected.length),
    write,
    details,
  );
  if (answer === details) {
    ctx.log.show(true);
    return;
  }
  if (answer !== write) return;

  // The proposal as the user left it in the editor, checked against the schema before writing.
  const text = doc.getText();
  const problems = projectProblems(text, result.projectFile);
  if (problems.length > 0) {
    const p = problems[0];
    void vscode.window.showErrorMessage(vscode.l10n.t('The proposal is not valid, nothing was written: line {0}, column {1}: {2}', p?.line ?? 1, p?.column ?? 1, p?.message ?? ''));
    return;
  }
  let overwrite = false;
  if (existsSync(result.projectFile)) {
    const replace = vscode.l10n.t('Replace');
    const confirmed = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exists. Replace it with the detected proposal?', result.projectFile),
      { modal: true, detail: vscode.l10n.t('The current file is overwritten; undo is not available for this write.') },
      replace,
    );
    if (confirmed !== replace) return;
    overwrite = true;
  }
  writeDetectedProject({ projectFile: result.projectFile, text }, { overwrite });
  ctx.log.info(`Detect Project: wrote ${result.projectFile}.`);
  await discardProposal(doc);
  await ctx.projectState.reload();
  await vscode.window.showTextDocument(vscode.Uri.file(result.projectFile));
};
