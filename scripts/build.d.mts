// Types of what scripts/build.mjs exports (tests import its options rather than copy them).
import type { BuildOptions } from 'esbuild';

export declare const SHELL_ENTRY: string;
export declare function buildOptions(options?: { readonly production?: boolean }): BuildOptions[];
export declare function shellBuildOptions(options?: { readonly production?: boolean }): BuildOptions;
