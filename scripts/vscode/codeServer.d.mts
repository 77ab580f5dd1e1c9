import type { VsCodeTools } from './tools.mjs';

export interface CodeServerOptions {
  /** Installed into the fresh profile before the server starts. */
  vsix?: string;
  /** User settings, merged over a quiet baseline (no trust prompt, no welcome page, no telemetry). */
  settings?: Record<string, unknown>;
  /** Opened as the workspace; an empty temporary folder when not given. */
  workspaceFolder?: string;
  /** 0 picks a free port. */
  port?: number;
  log?: (message: string) => void;
  /** Paths from ensureVsCodeTools; looked up (and installed if needed) when not given. */
  tools?: VsCodeTools;
}

export interface RunningCodeServer {
  /** http://127.0.0.1:PORT */
  url: string;
  userDataDir: string;
  extensionsDir: string;
  workspaceFolder: string;
  /** Settles when the server process ends (stopped or not), with its exit code or signal. */
  exited: Promise<number | string | null>;
  /** code-server's own output; removed by stop(). */
  logFile: string;
  /** Ends code-server's process group and removes its temporary folders; safe to call twice. */
  stop(): Promise<void>;
}

export declare function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer>;
