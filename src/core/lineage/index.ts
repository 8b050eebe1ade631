export type * from './types';
export { LineageGraph, nearest, type LineageTarget } from './graph';
export { buildLineage, type ConsumerQuery, type LineageInput, type ViewScript } from './build';
export { loadLineage, readLineageInput, projectLineageSources, shippedLineageSources, dashboardQueries, type LineageSources } from './load';
export { loadSqlParser, type SqlParser } from './sqlParser';
export { formatLineageDot, formatLineageJson, formatLineageMermaid, formatLineageText, edgeText, lineagePathDisplay, type PathDisplay } from './format';
export { lineageLayout, LINEAGE_LAYERS, type LineageItem, type LineageLayer, type LineageLayerKey, type LineageLayout } from './layers';
export { mappingHover, type MappingHover } from './hover';
export { sqlHover, columnHover, type SqlHoverRequest } from './sqlHover';
