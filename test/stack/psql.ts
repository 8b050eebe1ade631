import { existsSync } from 'node:fs';
import path from 'node:path';
import { createProcessRunner, type ComposeStack } from '../../src/core/stack';
import { defaultScriptVariables, warehouseScripts } from '../../src/core/warehouse';
import { repoRoot } from './dockerTestEnv';

const runner = createProcessRunner();

/** psql from the host against the stack's published port; the password goes through the environment. */
export async function psql(stack: ComposeStack, args: readonly string[], database = 'dw_ecommerce'): Promise<string> {
  const r = await runner.run({
    command: 'psql',
    args: ['-h', '127.0.0.1', '-p', String(stack.port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-Atq', ...args],
    env: { PGPASSWORD: stack.options.secrets['POSTGRES_PASSWORD'] ?? '', PGCONNECT_TIMEOUT: '10' },
  });
  if (r.code !== 0) throw new Error(`psql ${args.join(' ')} failed (${r.code}): ${stack.mask(r.stderr)}`);
  return r.stdout.trim();
}

/**
 * The bootstrap plan for now: the warehouse's PostgreSQL scripts in their order, through psql.
 * Returns the scripts that ran.
 */
export async function bootstrapWarehouse(stack: ComposeStack): Promise<string[]> {
  const ran: string[] = [];
  const vars = { ...defaultScriptVariables, ETL_MONITOR_PASSWORD: 'Monitor-Pass-123', ETL_BACKUP_PASSWORD: 'Backup-Pass-123' };
  for (const script of warehouseScripts('postgres')) {
    const file = path.join(repoRoot, 'sql', script.path);
    if (!existsSync(file)) continue;
    const vArgs = script.variables.flatMap((v) => ['-v', `${v}=${vars[v as keyof typeof vars] ?? ''}`]);
    await psql(stack, [...vArgs, '-f', file]);
    ran.push(script.path);
  }
  return ran;
}
