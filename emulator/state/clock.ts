import type { State, Timer, TimerKind } from './types.js';

/** Base delays in seconds at time scale 1 (realistic-ish for a demo; tests scale them down). */
export type Delays = {
  review: number;
  hostedProvisioning: number;
  vifProvisioning: number;
  publicVifVerification: number;
  association: number;
  vgw: number;
  /** How long a VGW detach takes while the VGW is associated with a DX gateway (§3.1 quirk). */
  detachWhileAssociated: number;
  deletion: number;
  /** Deleted VIFs/connections/associations stay listed this long (model: 15 minutes). */
  deletedRetention: number;
};

export const DEFAULT_DELAYS: Delays = {
  review: 60,
  hostedProvisioning: 20,
  vifProvisioning: 30,
  publicVifVerification: 60,
  association: 15,
  vgw: 5,
  detachWhileAssociated: 120,
  deletion: 5,
  deletedRetention: 900,
};

export type TimerHandler = (timer: Timer) => void;

/**
 * The sandbox clock (real time plus an offset that `/_sandbox/clock` advances) and the queue of
 * transitions AWS performs on its own. Timers live in the state so they survive a restart.
 * `runDue()` is also called before every request, so a request always sees every transition
 * that is due — results never depend on how promptly Node's timers fire.
 */
export class Scheduler {
  private realTimer: NodeJS.Timeout | undefined;
  private handlers = new Map<TimerKind, TimerHandler>();
  private running = false;
  private stopped = false;

  constructor(
    private readonly getState: () => State,
    readonly timeScale: number,
    private readonly onChange: () => void,
  ) {}

  now(): number {
    return Date.now() + this.getState().clockOffsetMs;
  }

  /** Epoch seconds on the sandbox clock (the wire format of DX timestamps). */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  on(kind: TimerKind, handler: TimerHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Schedule a transition `baseSeconds` (scaled by the time scale) from now. */
  schedule(kind: TimerKind, target: string, baseSeconds: number, sub?: string): void {
    const state = this.getState();
    state.seq += 1;
    const dueAt = this.now() + Math.round(baseSeconds * 1000 * this.timeScale);
    state.timers.push({ id: state.seq, kind, target, dueAt, ...(sub === undefined ? {} : { sub }) });
    this.arm();
  }

  cancel(kind: TimerKind, target: string): void {
    const state = this.getState();
    state.timers = state.timers.filter((t) => !(t.kind === kind && t.target === target));
  }

  advance(seconds: number): void {
    this.getState().clockOffsetMs += Math.round(seconds * 1000);
    this.runDue();
  }

  /** Apply every transition that is due, in due order (handlers may schedule further ones). */
  runDue(): void {
    if (this.running) return;
    this.running = true;
    let changed = false;
    try {
      for (;;) {
        const state = this.getState();
        const now = this.now();
        let next: Timer | undefined;
        for (const t of state.timers) {
          if (t.dueAt <= now && (next === undefined || t.dueAt < next.dueAt || (t.dueAt === next.dueAt && t.id < next.id))) {
            next = t;
          }
        }
        if (next === undefined) break;
        const due = next;
        state.timers = state.timers.filter((t) => t !== due);
        this.handlers.get(due.kind)?.(due);
        changed = true;
      }
    } finally {
      this.running = false;
    }
    if (changed) this.onChange();
    this.arm();
  }

  /** (Re)arm one real timeout for the earliest due transition. */
  arm(): void {
    if (this.realTimer) clearTimeout(this.realTimer);
    this.realTimer = undefined;
    if (this.stopped) return;
    const timers = this.getState().timers;
    if (timers.length === 0) return;
    const earliest = Math.min(...timers.map((t) => t.dueAt));
    const wait = Math.max(0, Math.min(earliest - this.now(), 2_147_000_000));
    this.realTimer = setTimeout(() => this.runDue(), wait);
    this.realTimer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.realTimer) clearTimeout(this.realTimer);
    this.realTimer = undefined;
  }
}
