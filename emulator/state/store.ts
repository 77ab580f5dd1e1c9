import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EmulatorState } from './model';

/**
 * Keeps the state in a file. Every acknowledged change is written (to a temporary file, then
 * renamed over the old one) before the answer leaves, so a kill -9 loses nothing that was
 * answered and never leaves a half-written file.
 */
export class StateFile {
  constructor(readonly path: string) {}

  load(): EmulatorState | undefined {
    if (!existsSync(this.path)) return undefined;
    let state: EmulatorState;
    try {
      state = JSON.parse(readFileSync(this.path, 'utf8')) as EmulatorState;
    } catch (error) {
      throw new Error(`--state ${this.path} is not emulator state (${(error as Error).message}). Delete the file or pass another --state.`);
    }
    if (state.schemaVersion !== 1) {
      throw new Error(`${this.path} holds emulator state of schema ${String(state.schemaVersion)}; this emulator reads schema 1. Delete the file or pass another --state.`);
    }
    // State written before networks, storage accounts and deployments were kept has none of them.
    state.networkResources ??= {};
    state.storageAccounts ??= {};
    state.deployments ??= {};
    // ... nor the restore point collections backups make.
    state.restorePointCollections ??= {};
    // ... nor the disks and blobs restores make.
    state.disks ??= {};
    state.blobs ??= {};
    return state;
  }

  save(state: EmulatorState): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(state));
    renameSync(temporary, this.path);
  }
}
