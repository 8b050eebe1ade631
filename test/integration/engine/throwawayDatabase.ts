/**
 * Moved to test/support/throwawayDatabase.ts; kept as a re-export for the ETL suites
 * (test/integration/etl) that still import it from here.
 */
export { asSuperuser, createThrowawayDatabase, localPostgres, type ThrowawayDatabase } from '../../support/throwawayDatabase';
