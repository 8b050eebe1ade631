import { strict as assert } from 'node:assert';
import path from 'node:path';
import { defaultExportPath } from '../../../src/core/dashboard/exportPath';

describe('export save dialogs start in the project folder', () => {
  it('puts the file in the project folder, else the first workspace folder, else home; never at the root', () => {
    assert.equal(defaultExportPath('monitor.html', { projectRoot: '/work/dw', workspaceFolders: ['/work'], home: '/home/u' }), path.join('/work/dw', 'monitor.html'));
    assert.equal(defaultExportPath('sales_2024-01-01_2024-01-31.csv', { workspaceFolders: ['/work/a', '/work/b'], home: '/home/u' }), path.join('/work/a', 'sales_2024-01-01_2024-01-31.csv'));
    assert.equal(defaultExportPath('sales.html', { workspaceFolders: [], home: '/home/u' }), path.join('/home/u', 'sales.html'));
    for (const p of [defaultExportPath('x.csv', { workspaceFolders: [], home: '/home/u' })]) assert.notEqual(path.dirname(p), path.parse(p).root);
  });

  it('keeps only the file name of what it is given', () => {
    assert.equal(defaultExportPath('../../etc/passwd.csv', { projectRoot: '/work/dw', workspaceFolders: [], home: '/h' }), path.join('/work/dw', 'passwd.csv'));
  });
});
