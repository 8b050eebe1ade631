import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { detectProject } from '../../src/core/project/detect';
import { loadProject } from '../../src/core/project/load';
import { copyLayout, windowPerSuite } from './harness';

const LAYOUT = 'sqlserver-users';
const PALETTE = 'DW: Detect Project';
const PROPOSAL = /Detected a sqlserver project: \d+ setting\(s\) guessed, \d+ item\(s\) not detected/;

describe('e2e: DW: Detect Project in code-server (users\' SQL Server layout)', function () {
  let folder = '';
  const projectFile = (): string => path.join(folder, 'dw-workbench.json');
  const w = windowPerSuite((s) => (folder = copyLayout(s.workspacesDir, LAYOUT)));
  /** What "Write" does on an existing file: the modal asking before it is replaced. */
  const replaceAsked = (): Promise<boolean> =>
    w.workbench.page.locator('.monaco-dialog-box', { hasText: /already exists\. Replace it with the detected proposal\?/ }).first().isVisible();

  /**
   * A case's starting point when the file exists: the detected project written and then edited
   * by hand (another name), so a new proposal differs from it. Written here, not left by an
   * earlier case.
   */
  async function writeEditedProject(): Promise<string> {
    const detected = await detectProject({ folder });
    const edited = detected.text.replace(`"name": "${LAYOUT}"`, '"name": "edited-by-hand"');
    assert.notEqual(edited, detected.text);
    writeFileSync(projectFile(), edited);
    return edited;
  }

  it('proposes the project in an untitled JSON editor, explains it in the output channel, and writes it on "Write"', async function () {
    this.timeout(600_000);
    const wb = w.workbench;
    // The layout as users have it: no project file yet.
    rmSync(projectFile(), { force: true });
    // The first command activates the extension, which loads its feature bundle: slow on a loaded machine.
    await wb.runCommand(PALETTE);

    // The proposal: an untitled JSON document, not yet a file.
    const editor = wb.page.locator('.part.editor .monaco-editor .view-lines', { hasText: '"engine": "sqlserver"' }).first();
    await editor.waitFor({ state: 'visible', timeout: 180_000 });
    const tab = wb.page.locator('.part.editor .tabs-container .tab.active');
    assert.match((await tab.innerText()).trim(), /^Untitled-\d+/);
    assert.match(await wb.page.locator('.part.statusbar').innerText(), /\bJSON\b/);
    const message = await wb.waitForNotification(PROPOSAL);
    await wb.screenshot('proposal-untitled-json');
    assert.match(message, /Review the proposal, then write it/);

    // The reasons, one line per guess, with the file:line each came from (the channel is long:
    // read through the Output view's filter).
    const engine = (await wb.outputChannelLines('DW Workbench', 'engine = ')).join('\n');
    assert.match(engine, /\[info\]\s+engine = sqlserver: 10 script\(s\) use SQL Server \(T-SQL\) syntax, and the compose file runs that server \[docker\/docker-compose\.sqlserver\.yml:12\]/, engine);
    const databases = (await wb.outputChannelLines('DW Workbench', 'databases.')).join('\n');
    assert.match(databases, /databases\.oltp = ECOMMERCE_OLTP: the OLTP scripts USE it \[sql\/oltp\/01_create_database\.sql:6\]/, databases);
    assert.match(databases, /databases\.dw = DW_ECOMMERCE: the warehouse scripts USE it \[sql\/dw\/01_create_database\.sql:6\]/, databases);
    const steps = (await wb.outputChannelLines('DW Workbench', 'bootstrap.steps = ')).join('\n');
    assert.match(steps, /bootstrap\.steps = \["sql\/oltp","sql\/dw","sql\/dw\/03_etl_control","sql\/dw\/04_views","sql\/dw\/05_security"\]/, steps);
    // The view draws only the lines that fit: what is below them is read through the filter too.
    const notDetected = (await wb.outputChannelLines('DW Workbench', 'Not detected')).join('\n');
    assert.match(notDetected, /Not detected:/, notDetected);
    const all = (await wb.outputChannelLines('DW Workbench')).join('\n');
    await wb.screenshot('reasons-in-output');
    for (const text of [engine, databases, steps, notDetected, all]) {
      assert.doesNotMatch(text, /Fixture-Sa-Secret/, 'a password from .env reached the output channel');
    }

    // The toast has hidden itself by now on a slow machine: the action is taken from the notification center then.
    const written = wb.page.locator('.part.editor .tabs-container .tab.active', { hasText: 'dw-workbench.json' });
    await wb.clickNotificationAction(PROPOSAL, 'Write dw-workbench.json', { shown: true, effect: () => written.isVisible() });
    await wb.screenshot('written-file-open');
    // The written proposal is not left behind as a dirty untitled editor.
    await wb.until(async () => (await wb.page.locator('.part.editor .tabs-container .tab', { hasText: /Untitled-\d+/ }).count()) === 0, 10_000,
      async () => `tabs after the write: ${JSON.stringify(await wb.page.locator('.part.editor .tabs-container .tab').allInnerTexts())}`);

    const project = loadProject(folder);
    assert.equal(project.file, projectFile());
    assert.equal(project.config.engine, 'sqlserver');
    assert.equal(project.config.name, LAYOUT);
    assert.deepEqual(project.config.databases, { oltp: 'ECOMMERCE_OLTP', dw: 'DW_ECOMMERCE' });
    assert.deepEqual(project.config.bootstrap?.steps?.map((s) => [s.folder, s.database]), [
      ['sql/oltp', 'oltp'],
      ['sql/dw', 'dw'],
      ['sql/dw/03_etl_control', 'dw'],
      ['sql/dw/04_views', 'dw'],
      ['sql/dw/05_security', 'dw'],
    ]);
    assert.ok(!readFileSync(projectFile(), 'utf8').includes('Fixture-Sa-Secret'), 'a password from .env was written');
  });

  it('run on an existing file, asks for a modal confirmation before replacing it, and cancelling leaves it unchanged', async function () {
    this.timeout(600_000);
    const wb = w.workbench;
    const edited = await writeEditedProject();

    await wb.runCommand(PALETTE);
    // An existing file: the proposal opens as a diff against it.
    await wb.page.locator('.part.editor .tabs-container .tab.active', { hasText: 'detected proposal' }).waitFor({ state: 'visible', timeout: 180_000 });
    await wb.page.locator('.part.editor .monaco-diff-editor').first().waitFor({ state: 'visible', timeout: 30_000 });
    await wb.screenshot('proposal-diff');

    await wb.clickNotificationAction(PROPOSAL, 'Write dw-workbench.json', { effect: replaceAsked });
    const dialog = await wb.answerDialog(/already exists\. Replace it with the detected proposal\?/, 'Cancel');
    assert.ok(dialog.includes(projectFile()), dialog);
    assert.match(dialog, /undo is not available/);
    await wb.screenshot('cancelled');

    assert.equal(readFileSync(projectFile(), 'utf8'), edited);
    assert.deepEqual(readdirSync(folder).filter((f) => f.endsWith('.tmp')), []);
    assert.equal(loadProject(folder).config.name, 'edited-by-hand');
  });

  it('run on an existing file and confirmed, replaces the file with the proposal and closes this run\'s proposal diff', async function () {
    this.timeout(600_000);
    const wb = w.workbench;
    await writeEditedProject();
    // Diffs of earlier runs stay open (the user may still edit them); this run adds its own.
    const proposals = wb.page.locator('.part.editor .tabs-container .tab', { hasText: 'detected proposal' });
    const before = await proposals.count();
    await wb.runCommand(PALETTE);
    await wb.until(async () => (await proposals.count()) === before + 1, 180_000, () => 'the proposal diff did not open');
    await wb.clickNotificationAction(PROPOSAL, 'Write dw-workbench.json', { effect: replaceAsked });
    await wb.answerDialog(/already exists\. Replace it with the detected proposal\?/, 'Replace');
    await wb.until(() => Promise.resolve(loadProject(folder).config.name === LAYOUT), 30_000, () => `not replaced: ${readFileSync(projectFile(), 'utf8')}`);
    await wb.until(async () => (await proposals.count()) === before, 30_000,
      async () => `tabs after the replace: ${JSON.stringify(await wb.page.locator('.part.editor .tabs-container .tab').allInnerTexts())}`);
    await wb.screenshot('replaced');
    assert.deepEqual(readdirSync(folder).filter((f) => f.endsWith('.tmp')), []);
  });
});
