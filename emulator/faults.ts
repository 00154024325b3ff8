import { z } from 'zod';
import type { Service } from './auth/identity.js';
import { ServiceError } from './errors.js';

export const faultSpecSchema = z
  .object({
    operation: z.string().min(1).optional(),
    service: z.enum(['directconnect', 'ec2', 'sts']).optional(),
    kind: z.enum(['throttle', 'server-error', 'latency']),
    count: z.number().int().min(1).optional(),
    fraction: z.number().min(0).max(1).optional(),
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    seed: z.number().int().optional(),
  })
  .refine((f) => f.kind !== 'latency' || f.latencyMs !== undefined, { message: 'latencyMs is required for kind "latency"' });

export type FaultSpec = z.infer<typeof faultSpecSchema>;
export type Fault = FaultSpec & { id: string; remaining?: number; fired: number; rng: number };

/** mulberry32: a tiny seeded PRNG so fraction faults are reproducible in tests. */
function nextRandom(fault: Fault): number {
  fault.rng = (fault.rng + 0x6d2b79f5) | 0;
  let t = fault.rng;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const THROTTLE: Record<Service, () => ServiceError> = {
  directconnect: () => new ServiceError('ThrottlingException', 'Rate exceeded', 400),
  ec2: () => new ServiceError('RequestLimitExceeded', 'Request limit exceeded.', 503),
  sts: () => new ServiceError('Throttling', 'Rate exceeded', 400),
};

const SERVER_ERROR: Record<Service, () => ServiceError> = {
  directconnect: () => new ServiceError('DirectConnectServerException', 'A server-side error occurred.', 500),
  ec2: () => new ServiceError('InternalError', 'An internal error has occurred', 500),
  sts: () => new ServiceError('InternalFailure', 'An internal failure occurred.', 500),
};

/** Injected faults (control API): throttling, 5xx and latency, per operation, for N calls or a fraction. */
export class Faults {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const fault: Fault = {
      ...spec,
      id: `fault-${this.nextId}`,
      ...(spec.count === undefined ? {} : { remaining: spec.count }),
      fired: 0,
      rng: spec.seed ?? 42,
    };
    this.nextId += 1;
    this.faults.push(fault);
    return fault;
  }

  list(): Omit<Fault, 'rng'>[] {
    return this.faults.map(({ rng: _rng, ...rest }) => rest);
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  /** Decide what happens to one call: total added latency and the first error fault that fires. */
  evaluate(service: Service, operation: string): { latencyMs: number; error?: ServiceError } {
    let latencyMs = 0;
    let error: ServiceError | undefined;
    for (const fault of [...this.faults]) {
      if (fault.service !== undefined && fault.service !== service) continue;
      if (fault.operation !== undefined && fault.operation !== '*' && fault.operation !== operation) continue;
      if (fault.kind !== 'latency' && error) continue;
      if (fault.fraction !== undefined && nextRandom(fault) >= fault.fraction) continue;
      fault.fired += 1;
      if (fault.remaining !== undefined) {
        fault.remaining -= 1;
        if (fault.remaining <= 0) this.remove(fault.id);
      }
      if (fault.kind === 'latency') latencyMs += fault.latencyMs ?? 0;
      else error = (fault.kind === 'throttle' ? THROTTLE : SERVER_ERROR)[service]();
    }
    return error ? { latencyMs, error } : { latencyMs };
  }
}
