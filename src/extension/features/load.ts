import type * as Features from './index';

let loaded: typeof Features | undefined;

/**
 * The feature bundle: every command, view, task and panel behind the activation shell. Built
 * apart as dist/features.js (scripts/build.mjs maps this `require` to it) and required on first
 * use, so activating the extension does not load or evaluate it. From the TypeScript sources
 * (tests) it is the module itself.
 */
export function loadFeatures(): typeof Features {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load of the feature bundle, see above
  loaded ??= require('./index') as typeof Features;
  return loaded;
}
