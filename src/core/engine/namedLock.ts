/**
 * Exclusive locks by name within one process. PGlite needs them because all its Sessions share
 * one backend, where pg_advisory_lock is reentrant: a second Session would "get" a lock the
 * first one holds. A PGlite data directory is only ever open in one process, so an in-process
 * lock excludes everybody who can reach that database.
 */
export class NamedLocks {
  private readonly holders = new Map<string, Promise<void>>();

  /**
   * Resolves with a release function once `name` is free, or resolves `undefined` when it stays
   * held for `timeoutMs` (0: do not wait).
   */
  async acquire(name: string, timeoutMs: number): Promise<(() => void) | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const held = this.holders.get(name);
      if (held === undefined) {
        let release!: () => void;
        this.holders.set(name, new Promise<void>((resolve) => { release = resolve; }));
        return () => {
          this.holders.delete(name);
          release();
        };
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) return undefined;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        held.then(() => false),
        new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(true), remaining); }),
      ]);
      clearTimeout(timer);
      if (timedOut) return undefined;
    }
  }
}
