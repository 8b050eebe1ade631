import { strict as assert } from 'node:assert';
import { deliver, maskUrl, scrubSecret, webhookPayload, type AlertEvent } from '../../../src/core/alerts';
import type { WebhookKind } from '../../../src/core/project/types';
import { freePort } from '../../support/freePort';
import { Receiver } from './receiver';

const event: AlertEvent = {
  kind: 'opened', key: 'dim_cliente|etl_failure', entityName: 'dim_cliente', rule: 'etl_failure', severity: 'critical',
  title: 'ETL failure', detail: 'Last status: control=failed, run=failed; error: boom', at: new Date('2026-03-01T12:00:00Z'), openedAt: new Date('2026-03-01T12:00:00Z'),
};
const ctx = { project: 'loja', timezone: 'America/Sao_Paulo' };
const fast = { timeoutMs: 5000, retries: 3, backoffMs: 1 };
const hook = (kind: WebhookKind) => ({ name: 'ops', kind, urlEnv: 'OPS_WEBHOOK' });

describe('alert delivery to webhooks (a local HTTP receiver)', () => {
  let rx: Receiver;
  beforeEach(async () => {
    rx = await new Receiver().start();
  });
  afterEach(() => rx.stop());

  it('posts each kind\'s payload: Discord embeds, Slack blocks, a Teams Adaptive Card, plain JSON', async () => {
    for (const kind of ['discord', 'slack', 'teams', 'json'] as const) {
      const r = await deliver(hook(kind), rx.url(), webhookPayload(kind, event, ctx), fast);
      assert.deepEqual([r.ok, r.attempts, r.status], [true, 1, 204]);
    }
    const [discord, slack, teams, json] = rx.received.map((r) => r.body as Record<string, unknown>);
    assert.match(String(discord?.['content']), /^\[ALERT\] loja \| dim_cliente: ETL failure$/);
    const embed = (discord?.['embeds'] as { color: number; fields: { name: string; value: string }[] }[])[0];
    assert.equal(embed?.color, 0xe74c3c);
    assert.equal(embed?.fields.find((f) => f.name === 'Time')?.value, '2026-03-01 09:00:00 (America/Sao_Paulo)');
    assert.equal((slack?.['blocks'] as { type: string }[])[0]?.type, 'header');
    const card = (teams?.['attachments'] as { contentType: string; content: { type: string; body: { text?: string }[] } }[])[0];
    assert.equal(card?.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(card?.content.type, 'AdaptiveCard');
    assert.deepEqual(json, {
      project: 'loja', event: 'opened', key: 'dim_cliente|etl_failure', entity: 'dim_cliente', rule: 'etl_failure', severity: 'critical',
      title: 'ETL failure', detail: event.detail, at: '2026-03-01T12:00:00.000Z', openedAt: '2026-03-01T12:00:00.000Z',
    });
    assert.equal(rx.received[0]?.headers['content-type'], 'application/json');
  });

  it('a resolved message is green and says so', async () => {
    await deliver(hook('discord'), rx.url(), webhookPayload('discord', { ...event, kind: 'resolved' }, ctx), fast);
    const body = rx.received[0]?.body as { content: string; embeds: { color: number; description: string }[] };
    assert.match(body.content, /^\[RESOLVED\]/);
    assert.equal(body.embeds[0]?.color, 0x2ecc71);
  });

  it('retries 5xx and 429 with backoff until it is taken', async () => {
    rx.replies.push(500, 429, 503);
    const r = await deliver(hook('json'), rx.url(), { a: 1 }, fast);
    assert.deepEqual([r.ok, r.attempts, r.status], [true, 4, 204]);
    assert.equal(rx.received.length, 4);
  });

  it('gives up after the retries and reports it, the URL masked', async () => {
    rx.replies.push(500, 500, 500, 500, 500);
    const r = await deliver(hook('slack'), rx.url(), { a: 1 }, { ...fast, retries: 2 });
    assert.deepEqual([r.ok, r.attempts, r.status], [false, 3, 500]);
    assert.match(r.error ?? '', /^webhook 'ops' \(slack, URL from OPS_WEBHOOK = http:\/\/127\.0\.0\.1:\d+\/\*\*\*\): HTTP 500 Internal Server Error after 3 attempts\.$/);
    assert.doesNotMatch(r.error ?? '', /S3cr3t/);
  });

  it('does not retry a 4xx other than 408/429 (the URL is wrong, retrying will not help)', async () => {
    rx.replies.push(404);
    const r = await deliver(hook('discord'), rx.url(), { a: 1 }, fast);
    assert.deepEqual([r.ok, r.attempts, r.status], [false, 1, 404]);
  });

  it('reports an unreachable webhook without its token, and never throws', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/hooks/S3cr3tT0ken-abcdef123456?token=S3cr3tQuery`;
    const r = await deliver(hook('teams'), url, { a: 1 }, { ...fast, retries: 1 });
    assert.equal(r.ok, false);
    assert.equal(r.attempts, 2);
    assert.match(r.error ?? '', /ECONNREFUSED/);
    assert.doesNotMatch(r.error ?? '', /S3cr3t/);
  });

  it('names the missing environment variable when a webhook has no URL', async () => {
    const r = await deliver(hook('json'), undefined, { a: 1 }, fast);
    assert.equal(r.ok, false);
    assert.equal(r.attempts, 0);
    assert.match(r.error ?? '', /no URL\. Set the environment variable OPS_WEBHOOK/);
    const bad = await deliver(hook('json'), 'ftp://x/S3cr3t', { a: 1 }, fast);
    assert.match(bad.error ?? '', /must be http\(s\)/);
    assert.doesNotMatch(bad.error ?? '', /S3cr3t/);
  });

  it('stops retrying when asked to stop', async () => {
    rx.replies.push(500, 500, 500, 500);
    const stop = new AbortController();
    const pending = deliver(hook('json'), rx.url(), { a: 1 }, { timeoutMs: 5000, retries: 3, backoffMs: 3_600_000, signal: stop.signal });
    await rx.waitFor(1);
    stop.abort();
    const r = await pending;
    assert.equal(r.ok, false);
    assert.equal(r.attempts, 1);
    assert.match(r.error ?? '', /\(stopped\)/);
  });

  it('masks URLs and scrubs them out of any text', () => {
    const url = 'https://discord.com/api/webhooks/123456789/AbCdEfGhIjKlMnOp?wait=true';
    assert.equal(maskUrl(url), 'https://discord.com/***');
    assert.equal(maskUrl('not a url'), '***');
    const text = scrubSecret(`failed POST ${url} (path /api/webhooks/123456789/AbCdEfGhIjKlMnOp)`, url);
    assert.doesNotMatch(text, /AbCdEfGhIjKlMnOp|123456789/);
  });
});
