import type { WebhookKind } from '../project/types';
import type { WebhookSetting } from './settings';

/** What a delivery says: an alert opened, is still open after the cooldown, or resolved. */
export type AlertEventKind = 'opened' | 'reminder' | 'resolved';

export interface AlertEvent {
  readonly kind: AlertEventKind;
  readonly key: string;
  readonly entityName: string;
  readonly rule: string;
  /** critical or warning (an AlertSeverity), as the state table keeps it. */
  readonly severity: string;
  readonly title: string;
  readonly detail: string;
  readonly at: Date;
  readonly openedAt: Date;
}

export interface MessageContext {
  /** The project's name, in every message. */
  readonly project: string;
  readonly timezone: string;
}

const COLORS = { resolved: 0x2ecc71, critical: 0xe74c3c, warning: 0xffa500 } as const;
const LABEL = { opened: 'ALERT', reminder: 'STILL OPEN', resolved: 'RESOLVED' } as const;

function colorOf(e: AlertEvent): number {
  if (e.kind === 'resolved') return COLORS.resolved;
  return e.severity === 'critical' ? COLORS.critical : COLORS.warning;
}

function localTime(at: Date, timezone: string): string {
  return `${new Intl.DateTimeFormat('sv-SE', { timeZone: timezone, dateStyle: 'short', timeStyle: 'medium' }).format(at)} (${timezone})`;
}

function headline(e: AlertEvent, ctx: MessageContext): string {
  return `[${LABEL[e.kind]}] ${ctx.project} | ${e.entityName}: ${e.kind === 'resolved' ? `resolved: ${e.title}` : e.title}`;
}

function description(e: AlertEvent): string {
  return e.kind === 'resolved' ? 'The condition is back to normal.' : e.detail;
}

/** The request body for one kind of webhook. */
export function webhookPayload(kind: WebhookKind, e: AlertEvent, ctx: MessageContext): unknown {
  const when = localTime(e.at, ctx.timezone);
  switch (kind) {
    case 'discord':
      return {
        content: headline(e, ctx),
        embeds: [{
          title: e.title,
          description: description(e),
          color: colorOf(e),
          timestamp: e.at.toISOString(),
          fields: [
            { name: 'Entity', value: e.entityName, inline: true },
            { name: 'Rule', value: e.rule, inline: true },
            { name: 'Time', value: when, inline: false },
          ],
        }],
      };
    case 'slack':
      return {
        text: headline(e, ctx),
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: headline(e, ctx).slice(0, 150) } },
          { type: 'section', text: { type: 'mrkdwn', text: description(e) } },
          { type: 'context', elements: [{ type: 'mrkdwn', text: `Entity *${e.entityName}* · rule \`${e.rule}\` · ${when}` }] },
        ],
      };
    case 'teams':
      return {
        type: 'message',
        attachments: [{
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              { type: 'TextBlock', size: 'Medium', weight: 'Bolder', wrap: true, text: headline(e, ctx), color: e.kind === 'resolved' ? 'Good' : e.severity === 'critical' ? 'Attention' : 'Warning' },
              { type: 'TextBlock', wrap: true, text: description(e) },
              { type: 'FactSet', facts: [{ title: 'Entity', value: e.entityName }, { title: 'Rule', value: e.rule }, { title: 'Time', value: when }] },
            ],
          },
        }],
      };
    case 'json':
      return {
        project: ctx.project,
        event: e.kind,
        key: e.key,
        entity: e.entityName,
        rule: e.rule,
        severity: e.kind === 'resolved' ? 'ok' : e.severity,
        title: e.title,
        detail: description(e),
        at: e.at.toISOString(),
        openedAt: e.openedAt.toISOString(),
      };
  }
}

/** A webhook URL as it may be shown: scheme and host, never the path or query that carry the token. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/***`;
  } catch {
    return '***';
  }
}

/** Removes every trace of the URL (whole, path, query) from a text before it is shown or stored. */
export function scrubSecret(text: string, url: string): string {
  let out = text;
  const pieces = [url];
  try {
    const u = new URL(url);
    pieces.push(u.pathname + u.search, u.search.slice(1), ...u.pathname.split('/').filter((s) => s.length >= 8));
    if (u.password) pieces.push(u.password);
  } catch {
    // not a URL: the whole text is the only piece
  }
  for (const piece of pieces.filter((p) => p.length > 0).sort((a, b) => b.length - a.length)) out = out.split(piece).join('***');
  return out;
}

export interface DeliveryOptions {
  readonly timeoutMs: number;
  /** Retries after the first attempt. */
  readonly retries: number;
  /** First wait before a retry; doubles each time. */
  readonly backoffMs: number;
  readonly signal?: AbortSignal;
}

export interface DeliveryReport {
  readonly webhook: string;
  readonly kind: WebhookKind;
  readonly ok: boolean;
  readonly attempts: number;
  /** HTTP status of the last answer, when there was one. */
  readonly status?: number;
  /** Why it failed, secret-free: names the webhook and the setting its URL comes from. */
  readonly error?: string;
}

/** Waits `ms`, or less when the signal aborts (never rejects). */
export function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

const retryable = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/**
 * POSTs the payload to the webhook, retrying network errors, 408, 429 and 5xx with doubling
 * backoff. Never throws: the report says what happened, with the URL masked.
 */
export async function deliver(webhook: WebhookSetting, url: string | undefined, body: unknown, options: DeliveryOptions): Promise<DeliveryReport> {
  const base = { webhook: webhook.name, kind: webhook.kind };
  const where = `webhook '${webhook.name}' (${webhook.kind}, URL from ${webhook.urlEnv}`;
  if (url === undefined || url.trim() === '') {
    return { ...base, ok: false, attempts: 0, error: `${where}): no URL. Set the environment variable ${webhook.urlEnv} (CLI) or run 'DW: Set Alert Webhook' (VS Code).` };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ...base, ok: false, attempts: 0, error: `${where}): the value is not a URL.` };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { ...base, ok: false, attempts: 0, error: `${where}): the URL must be http(s), not ${parsed.protocol}` };
  }
  const label = `${where} = ${maskUrl(url)})`;
  const text = JSON.stringify(body);
  let last = '';
  let status: number | undefined;
  let attempts = 0;
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (options.signal?.aborted === true) break;
    if (attempt > 0) await pause(options.backoffMs * 2 ** (attempt - 1), options.signal);
    attempts += 1;
    try {
      const signals = [AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])];
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'dw-workbench-alerts' },
        body: text,
        signal: AbortSignal.any(signals),
        redirect: 'error',
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { ...base, ok: true, attempts, status };
      last = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (!retryable(response.status)) break;
    } catch (e) {
      status = undefined;
      const err = e as Error & { cause?: { message?: string; code?: string } };
      last = err.name === 'TimeoutError' ? `no answer within ${options.timeoutMs / 1000} s` : `${err.message}${err.cause?.message ? `: ${err.cause.message}` : ''}`;
    }
  }
  const stopped = options.signal?.aborted === true ? ' (stopped)' : '';
  return { ...base, ok: false, attempts, ...(status === undefined ? {} : { status }), error: scrubSecret(`${label}: ${last} after ${attempts} attempt${attempts === 1 ? '' : 's'}${stopped}.`, url) };
}
