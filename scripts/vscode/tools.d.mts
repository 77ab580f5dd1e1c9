export declare const NODE_VERSION: string;
export declare const CODE_SERVER_VERSION: string;

export interface VsCodeTools {
  /** Node 24, which code-server needs. */
  node24: string;
  /** code-server's entry script; run it with node24. */
  codeServer: string;
  chromium: string;
}

export declare function cacheDir(): string;
export declare function ensureVsCodeTools(options?: { log?: (message: string) => void }): Promise<VsCodeTools>;
export declare function freePort(): Promise<number>;
