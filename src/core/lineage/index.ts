export type * from './types';
export { LineageGraph, nearest, type LineageTarget } from './graph';
export { buildLineage, type ConsumerQuery, type LineageInput, type ViewScript } from './build';
export { loadLineage, readLineageInput, projectLineageSources, shippedLineageSources, dashboardQueries, type LineageSources } from './load';
export { loadSqlParser, type SqlParser } from './sqlParser';
export { formatLineageDot, formatLineageJson, formatLineageMermaid, formatLineageText, edgeText, type PathDisplay } from './format';
