export * from './catalog';
export * from './locate';
export * from './run';
export * from './project';
export * from './scope';
export * from './store';
