import { StackError } from './errors';
import { isCommandMissing, type ProcessResult, type ProcessRunner, type ProcessSpec } from './process';

/** The docker CLI, for what compose does not cover the same way in v1 and v2. */
export class DockerCli {
  constructor(private readonly runner: ProcessRunner, private readonly command = 'docker') {}

  async run(args: readonly string[], onLine?: (line: string) => void): Promise<ProcessResult> {
    const spec: ProcessSpec = { command: this.command, args };
    try {
      return await this.runner.run(spec, onLine ? { onLine: (l) => onLine(l) } : {});
    } catch (e) {
      if (isCommandMissing(e)) {
        throw new StackError(
          `Docker is not installed: '${this.command}' was not found on PATH. Install Docker Engine or Docker Desktop `
            + '(https://docs.docker.com/engine/install/), then run the command again.',
          { kind: 'docker-missing', cause: e },
        );
      }
      throw e;
    }
  }

  /** Fails with 'docker-missing' or 'daemon-down'; returns the server's version. */
  async assertDaemon(): Promise<string> {
    const r = await this.run(['version', '--format', '{{.Server.Version}}']);
    if (r.code !== 0) {
      throw new StackError(
        'The Docker daemon is not running (the docker CLI cannot connect to it). Start Docker Desktop, or '
          + "'sudo systemctl start docker' on Linux, then run the command again.",
        { kind: 'daemon-down', logTail: lastLines(r.stderr, 5) },
      );
    }
    return r.stdout.trim();
  }

  async imageExists(image: string): Promise<boolean> {
    return (await this.run(['image', 'inspect', '--format', '{{.Id}}', image])).code === 0;
  }

  async pull(image: string, onLine?: (line: string) => void): Promise<ProcessResult> {
    return this.run(['pull', image], onLine);
  }

  /** Containers of one compose service (running or not), by compose's own labels (v1 and v2). */
  async serviceContainers(projectName: string, service: string): Promise<string[]> {
    const r = await this.run([
      'ps', '-a', '-q',
      '--filter', `label=com.docker.compose.project=${projectName}`,
      '--filter', `label=com.docker.compose.service=${service}`,
    ]);
    return r.code === 0 ? r.stdout.split('\n').map((s) => s.trim()).filter(Boolean) : [];
  }

  async containerState(id: string): Promise<ContainerState | undefined> {
    const r = await this.run(['inspect', '--format', '{{json .State}}', id]);
    if (r.code !== 0) return undefined;
    const s = JSON.parse(r.stdout) as {
      Status?: string; Running?: boolean; ExitCode?: number; Health?: { Status?: string };
    };
    return {
      running: s.Running === true,
      status: s.Status ?? 'unknown',
      exitCode: s.ExitCode ?? 0,
      health: s.Health?.Status,
    };
  }

  /** The container's last lines, stdout and stderr merged. */
  async logTail(id: string, lines: number): Promise<string[]> {
    const r = await this.run(['logs', '--tail', String(lines), id]);
    return lastLines(`${r.stdout}\n${r.stderr}`, lines);
  }
}

export interface ContainerState {
  readonly running: boolean;
  /** created, running, exited, restarting... */
  readonly status: string;
  readonly exitCode: number;
  /** starting, healthy, unhealthy; undefined when the image has no healthcheck. */
  readonly health: string | undefined;
}

export function lastLines(text: string, n: number): string[] {
  return text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '').slice(-n);
}
