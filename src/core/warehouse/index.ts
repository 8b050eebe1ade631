export * from './spec';
export * from './oltpTables';
export * from './dwTables';
export * from './controlTables';
export * from './contract';
export * from './mapping';
export * from './names';
export * from './scripts';
