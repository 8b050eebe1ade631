export * from './types';
export * from './errors';
export { planBootstrap, scriptVariables, dialectOfProject, type PlanOptions } from './plan';
export { runBootstrap, type BootstrapOptions } from './run';
