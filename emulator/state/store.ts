import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SandboxConfig } from '../config.js';
import { seedState } from './seed.js';
import type { State } from './types.js';

const SAVE_DEBOUNCE_MS = 250;

/** Holds the world and snapshots it to a JSON file (debounced on change, synchronously on close). */
export class Store {
  state: State;
  private saveTimer: NodeJS.Timeout | undefined;
  private dirty = false;

  constructor(
    private readonly config: SandboxConfig,
    private readonly stateFile: string | undefined,
  ) {
    this.state = this.load();
  }

  private load(): State {
    if (this.stateFile && existsSync(this.stateFile)) {
      const raw = JSON.parse(readFileSync(this.stateFile, 'utf8')) as Partial<State>;
      if (raw.version !== 1 || typeof raw.accounts !== 'object') {
        throw new Error(`State file ${this.stateFile} is not a sandbox snapshot (version 1)`);
      }
      return { ...seedState({ accounts: [] }), ...raw } as State;
    }
    return seedState(this.config);
  }

  reset(): void {
    this.state = seedState(this.config);
    this.markChanged();
  }

  markChanged(): void {
    if (!this.stateFile) return;
    this.dirty = true;
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.flush();
    }, SAVE_DEBOUNCE_MS);
    this.saveTimer.unref();
  }

  /** Write the snapshot now (atomically: temp file + rename). */
  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.stateFile || !this.dirty) return;
    mkdirSync(dirname(this.stateFile), { recursive: true });
    const tmp = `${this.stateFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.stateFile);
    this.dirty = false;
  }

  /** A JSON dump for debugging with every secret (keys, tokens, BGP auth keys) redacted. */
  redacted(): unknown {
    return JSON.parse(
      JSON.stringify(this.state, (key, value: unknown) =>
        ['secretAccessKey', 'sessionToken', 'authKey'].includes(key) ? '***' : value,
      ),
    );
  }
}
