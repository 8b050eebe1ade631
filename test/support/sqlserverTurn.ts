/**
 * The SQL Server-compatible server takes one test process at a time (on Babelfish an ETL run's
 * cutoff stops at the oldest transaction open anywhere on the server). `scripts/test.mjs` runs the
 * stack + e2e lane beside the integration lane that holds that server's files, with
 * DWB_SQLSERVER_TURN=wait and an IPC channel: an e2e file that uses the server asks for its turn
 * before it touches the server, and the runner answers once that lane has ended. Run any other way
 * (one suite, one file), the turn is immediate.
 */
let turn: Promise<void> | undefined;

export function sqlServerTurn(): Promise<void> {
  const send = process.send?.bind(process);
  if (process.env['DWB_SQLSERVER_TURN'] !== 'wait' || send === undefined) return Promise.resolve();
  turn ??= new Promise<void>((resolve) => {
    const onMessage = (message: unknown): void => {
      if (message !== 'sqlserver-free') return;
      // Without a listener the IPC channel no longer holds the process open.
      process.off('message', onMessage);
      resolve();
    };
    process.on('message', onMessage);
    send('sqlserver-turn?');
  });
  return turn;
}
