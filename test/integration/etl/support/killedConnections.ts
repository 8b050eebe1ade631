/**
 * pg emits an 'error' event on a checked-out client that the server terminates while it is idle
 * (the Engine's dedicated session between statements). The statement after it fails anyway, which
 * is what these tests assert on; the event itself would otherwise surface as an uncaught exception.
 * Only errors of a terminated connection are absorbed; anything else goes to mocha's handlers.
 */
export async function toleratingKilledConnections<T>(work: () => Promise<T>): Promise<T> {
  const previous = process.listeners('uncaughtException');
  process.removeAllListeners('uncaughtException');
  const handler = (error: Error, origin: NodeJS.UncaughtExceptionOrigin): void => {
    const code = (error as { code?: unknown }).code;
    if (code === '57P01' || /Connection terminated unexpectedly/.test(error.message)) return;
    for (const l of previous) l(error, origin);
  };
  process.on('uncaughtException', handler);
  try {
    return await work();
  } finally {
    process.removeListener('uncaughtException', handler);
    for (const l of previous) process.on('uncaughtException', l);
  }
}
