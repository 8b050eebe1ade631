import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  readonly path: string;
  readonly body: unknown;
  readonly headers: http.IncomingHttpHeaders;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for Discord/Slack/Teams: it records every POST and
 * answers with the statuses queued in `replies` (then 204). `waitFor(n)` resolves once n requests
 * arrived (an event, not a sleep).
 */
export class Receiver {
  readonly received: Received[] = [];
  readonly replies: number[] = [];
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = Buffer.concat(chunks).toString('utf8');
      }
      this.received.push({ path: req.url ?? '', body, headers: req.headers });
      res.statusCode = this.replies.shift() ?? 204;
      res.end();
      this.waiters = this.waiters.filter((w) => {
        if (this.received.length < w.n) return true;
        w.resolve();
        return false;
      });
    });
  });
  private waiters: { n: number; resolve: () => void }[] = [];

  /** On 127.0.0.1 unless told otherwise (the stack tests listen where containers reach the host). */
  async start(host = '127.0.0.1'): Promise<this> {
    this.server.listen(0, host);
    await once(this.server, 'listening');
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** A webhook URL with a secret-looking token in its path, as real ones have. */
  url(token = 'S3cr3tT0ken-abcdef123456'): string {
    return `http://127.0.0.1:${this.port}/api/webhooks/42/${token}`;
  }

  waitFor(n: number): Promise<void> {
    if (this.received.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }
}
