import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:net';
import { createProcessRunner, isCommandMissing } from '../../../src/core/stack/process';
import { isPortFree } from '../../../src/core/stack/ports';

describe('stack processes and ports', () => {
  const runner = createProcessRunner();

  it('passes arguments literally, without a shell', async () => {
    const r = await runner.run({ command: process.execPath, args: ['-e', 'console.log(process.argv[1])', 'a; echo $HOME | x'] });
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), 'a; echo $HOME | x');
  });

  it('streams output line by line from both streams', async () => {
    const lines: string[] = [];
    await runner.run(
      { command: process.execPath, args: ['-e', 'console.log("one\\ntwo"); console.error("three"); process.stdout.write("four")'] },
      { onLine: (l, s) => lines.push(`${s}:${l}`) },
    );
    assert.deepEqual(lines.sort(), ['stderr:three', 'stdout:four', 'stdout:one', 'stdout:two']);
  });

  it('adds the spec environment to the base environment', async () => {
    const r = await runner.run({ command: process.execPath, args: ['-e', 'console.log(process.env.DWB_X)'], env: { DWB_X: 'y' } });
    assert.equal(r.stdout.trim(), 'y');
  });

  it('rejects with ENOENT when the command does not exist', async () => {
    await assert.rejects(runner.run({ command: 'dwb-no-such-command', args: [] }), (e: unknown) => isCommandMissing(e));
  });

  it('reports a port someone listens on as taken, and a closed one as free', async () => {
    const server: Server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    try {
      assert.equal(await isPortFree(port), false);
    } finally {
      await new Promise((r) => server.close(r));
    }
    assert.equal(await isPortFree(port), true);
  });
});
