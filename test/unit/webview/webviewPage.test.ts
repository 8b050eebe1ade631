import { strict as assert } from 'node:assert';
import { dashboardPage } from '../../../src/core/dashboard/page';
import { contentSecurityPolicy, messagePage, webviewPage } from '../../../src/core/webview/webviewPage';
import { resultsPage } from '../../../src/extension/scripts/resultsPage';

const CSP_SOURCE = 'https://*.vscode-cdn.net';

/** The policy of a page, directive -> sources, as the browser reads it from the meta element. */
function policyOf(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.ok(content !== undefined, 'the page has a CSP meta element');
  return new Map(content.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name as string, sources]));
}

const nonceOfScripts = (html: string): string[] => [...html.matchAll(/<script nonce="([^"]+)"/g)].map((m) => m[1] as string);

describe('webview page builder', () => {
  it('allows scripts only by a fresh nonce, never unsafe-inline or eval, and nothing by default', () => {
    const pages = [0, 1].map(() => webviewPage({ title: 'T', language: 'en', initialState: {}, script: { src: 'x.js' }, cspSource: CSP_SOURCE }));
    const nonces = pages.map((html) => {
      const policy = policyOf(html);
      assert.deepEqual(policy.get('default-src'), ["'none'"]);
      const scriptSrc = policy.get('script-src') ?? [];
      assert.equal(scriptSrc.length, 1);
      const nonce = /^'nonce-([A-Za-z0-9_-]{24})'$/.exec(scriptSrc[0] ?? '')?.[1];
      assert.ok(nonce !== undefined, `script-src is one nonce: ${scriptSrc.join(' ')}`);
      assert.deepEqual(nonceOfScripts(html), [nonce], 'the bundle carries the policy\'s nonce');
      assert.doesNotMatch(html, /unsafe-inline|unsafe-eval|unsafe-hashes/);
      return nonce;
    });
    assert.notEqual(nonces[0], nonces[1], 'each page has its own nonce');
  });

  it('takes styles, images and fonts from the webview\'s source only (styles also by nonce, images also as data:)', () => {
    const policy = policyOf(webviewPage({ title: 'T', language: 'en', initialState: {}, script: { src: 'x.js' }, cspSource: CSP_SOURCE, nonce: 'abc' }));
    assert.deepEqual(policy.get('style-src'), [CSP_SOURCE, "'nonce-abc'"]);
    assert.deepEqual(policy.get('img-src'), [CSP_SOURCE, 'data:']);
    assert.deepEqual(policy.get('font-src'), [CSP_SOURCE]);
    assert.deepEqual([...policy.keys()].sort(), ['default-src', 'font-src', 'img-src', 'script-src', 'style-src']);
    // A snapshot has no webview source: nothing but the nonce and data: images.
    assert.deepEqual(policyOf(webviewPage({ title: 'T', language: 'en', initialState: {}, script: { inline: '1' }, nonce: 'abc' })).get('style-src'), ["'nonce-abc'"]);
  });

  it('is the one builder of the dashboards and the results view: both pages carry its policy', () => {
    const expected = contentSecurityPolicy('n1', CSP_SOURCE);
    const dashboard = dashboardPage({ kind: 'sales', title: 'S', language: 'en', initialState: {}, script: { src: 's.js' }, cspSource: CSP_SOURCE, nonce: 'n1', theme: 'dark' });
    const results = resultsPage({ title: 'R', initialState: { language: 'en' }, scriptSrc: 'r.js', cspSource: CSP_SOURCE, nonce: 'n1' });
    for (const html of [dashboard, results]) assert.ok(html.includes(`content="${expected}"`));
    assert.match(dashboard, /<style nonce="n1">:root\{--vscode-/);
    assert.match(dashboard, /<body class="vscode-dark" data-dashboard="sales">/);
    assert.deepEqual([dashboard, results].map(nonceOfScripts), [['n1'], ['n1']]);
  });

  it('embeds state, strings and title so that none can end its element or inject markup', () => {
    const hostile = '</script><script>alert(1)</script><!--\u2028';
    const html = webviewPage({
      title: '</title><b>x', language: 'pt-BR" onload="x', initialState: { note: hostile }, strings: { [hostile]: hostile },
      script: { inline: 'let s = "</script>";' }, nonce: 'n',
    });
    assert.equal(html.match(/<\/script>/g)?.length, 3, 'only the state, strings and bundle elements end');
    assert.ok(html.includes('<title>&lt;/title&gt;&lt;b&gt;x</title>'));
    assert.ok(html.includes('<html lang="pt-BR&quot; onload=&quot;x">'));
    const block = (id: string) => JSON.parse(new RegExp(`<script type="application/json" id="${id}">(.*?)</script>`).exec(html)?.[1] ?? 'null') as unknown;
    assert.deepEqual(block('dwb-initial-state'), { note: hostile });
    assert.deepEqual(block('dwb-l10n'), { [hostile]: hostile });
  });

  it('builds the scriptless message page (a dashboard without a project) under the same policy, text and link escaped', () => {
    const html = messagePage({
      title: 'Sales', language: 'en', text: 'A <b>broken</b> "file"', link: { href: 'command:dwWorkbench.openProjectFile', label: 'Open <Project> File' },
      cspSource: CSP_SOURCE, nonce: 'n2',
    });
    assert.ok(html.includes(`content="${contentSecurityPolicy('n2', CSP_SOURCE)}"`));
    assert.doesNotMatch(html, /<script|unsafe-inline|style="/);
    assert.match(html, /<style nonce="n2">/);
    assert.ok(html.includes('<p data-testid="message">A &lt;b&gt;broken&lt;/b&gt; &quot;file&quot;</p>'));
    assert.ok(html.includes('<a href="command:dwWorkbench.openProjectFile">Open &lt;Project&gt; File</a>'));
  });
});
