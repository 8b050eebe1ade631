export { checksumGenerated, type GeneratedChecksum } from './checksum';
export { buildChangeSet, tieTimes, type ChangeSet, type ChangeSetOptions, type OltpExtent } from './changeSet';
export { cnpjFromBase, cpfFromBase, formatCnpj, formatCpf, isValidCnpj, isValidCpf } from './documents';
export { applyIncremental, changeSetStatements, EmptyOltpError, type IncrementalSummary } from './incremental';
export { IdentityMismatchError, loadGenerated, OltpNotEmptyError, type LoadOptions, type LoadSummary } from './load';
export { InvalidScaleError, planFor, type GenerationPlan } from './plan';
export { renderBaseSeed, renderIncrementalSeed, writeSeedFiles } from './seedScripts';
export { generatedTables, type GeneratedTable } from './tables';
