import { createHash } from 'node:crypto';

/**
 * The 64-bit advisory-lock key for a lock name: the first 8 bytes of its SHA-256 as a signed
 * decimal string (the bigint form `pg_advisory_lock` takes). Stable across processes and
 * versions, so two workbenches on one database agree on the key.
 */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(name, 'utf8').digest().readBigInt64BE(0).toString();
}
