export * from './types';
export * from './errors';
export { findProjectFile, loadProject, parseProject, projectProblems } from './load';
export * from './connection';
export * from './engines';
export * from './interval';
export * from './connectionEnv';
