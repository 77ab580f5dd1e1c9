import type { BuildOptions } from 'esbuild';

export declare const webviewOutdir: string;
export declare const webviewEntries: Record<string, string>;
export declare function webviewBuildOptions(options?: { production?: boolean }): BuildOptions;
export declare function copyCodicons(): void;
