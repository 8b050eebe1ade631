export * from './settings';
export * from './rules';
export * from './deliver';
export * from './state';
export * from './cycle';
export * from './sql';
