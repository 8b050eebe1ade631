/** The Engine layer's public API: import from here, not from the adapter files. */
export { createEngine, type CreateEngineOptions } from './factory';
export { EngineError, isEngineError, type EngineErrorKind, type EngineErrorDetails } from './errors';
export { describeTarget, engineKindOf, type ConnectionConfig, type ServerConnectionConfig, type PgliteConnectionConfig } from './config';
export { pgTypeName } from './pgTypes';
export { BABELFISH_PRODUCT, SQL_SERVER_PRODUCT, isBabelfish } from './serverProduct';
export type * from './types';
