import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../../core/engine/factory';
import { connectionConfig, loadProject, PROJECT_FILE_NAME } from '../../core/project';
import { EXIT_CODES, type CliCommand } from '../command';

const DEMO_DIR = path.join('.dw', 'demo');

/** The demo project: the embedded engine, so it needs no server and no Docker. */
function demoProjectFile(): string {
  return JSON.stringify({ name: 'dw-demo', engine: 'pglite', connection: { dataDir: 'pglite' } }, null, 2) + '\n';
}

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Create the demo warehouse on the embedded engine (no server, no Docker) and show it working',
  usage: `dwb demo [--dir <folder>]\n\nCreates (or reuses) a demo project in ${DEMO_DIR} on the embedded engine (PGlite) and runs a round trip through it.`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { dir: { type: 'string' } }, strict: true });
    const dir = path.resolve(io.cwd, values.dir ?? DEMO_DIR);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, PROJECT_FILE_NAME);
    if (!existsSync(file)) writeFileSync(file, demoProjectFile());
    const project = loadProject(dir);
    io.stdout.write(`Demo project: ${project.file}\n`);

    const engine = await createEngine(connectionConfig(project, 'dw'));
    try {
      const info = await engine.serverInfo();
      io.stdout.write(`Engine: ${info.product} ${info.version} (${info.address})\n`);
      const ok = await roundTrip(engine);
      io.stdout.write(ok ? 'Round trip: bulk load and read back match.\n' : 'Round trip: MISMATCH.\n');
      return ok ? EXIT_CODES.ok : EXIT_CODES.failed;
    } finally {
      await engine.close();
    }
  },
};

async function roundTrip(engine: Awaited<ReturnType<typeof createEngine>>): Promise<boolean> {
  const rows: (readonly unknown[])[] = [
    [1, 'São Paulo', '1234.56', new Date('2026-01-02T03:04:05.123Z')],
    [2, 'Ação Çé', '0.01', new Date('2026-11-29T00:00:00.000Z')],
    [3, null, '-99999.99', null],
  ];
  await engine.batch('DROP TABLE IF EXISTS public.dwb_demo_round_trip');
  await engine.batch('CREATE TABLE public.dwb_demo_round_trip (id int PRIMARY KEY, city text, amount numeric(15,2), at timestamp(3))');
  await engine.bulkLoad({ schema: 'public', name: 'dwb_demo_round_trip' }, [
    { name: 'id', type: { kind: 'int' } },
    { name: 'city', type: { kind: 'text' }, nullable: true },
    { name: 'amount', type: { kind: 'decimal', precision: 15, scale: 2 } },
    { name: 'at', type: { kind: 'timestamp', precision: 3 }, nullable: true },
  ], rows);
  const back = await engine.query<{ id: number; city: string | null; amount: string; at: Date | null }>(
    'SELECT id, city, amount, at FROM public.dwb_demo_round_trip ORDER BY id',
  );
  await engine.batch('DROP TABLE public.dwb_demo_round_trip');
  return back.rows.length === rows.length && back.rows.every((r, i) => {
    const [id, city, amount, at] = rows[i] as [number, string | null, string, Date | null];
    return r.id === id && r.city === city && String(r.amount) === amount && (r.at?.getTime() ?? null) === (at?.getTime() ?? null);
  });
}
