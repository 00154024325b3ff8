import 'server-only';
import { randomUUID } from 'node:crypto';
import { unstable_rethrow } from 'next/navigation';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { ErrorCode, isAppError } from '../errors';
import { childLogger } from '../log';
import { can, type Actor, type Permission } from './permissions';
import { getActor } from './session';

export type FieldErrors = Partial<Record<string, string[]>>;

/** The one result shape of every server action. `values` echoes the input so forms keep it. */
export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | { ok: false; fieldErrors: FieldErrors; formError?: string; values?: unknown };

export type ActionContext = { actor: Actor; log: Logger };

type Handler<S extends z.ZodType, T> = (args: { input: z.output<S>; ctx: ActionContext }) => Promise<T>;

export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

function toPlain(input: unknown): unknown {
  if (typeof FormData !== 'undefined' && input instanceof FormData) {
    return Object.fromEntries([...input.keys()].map((k) => [k, input.getAll(k).length > 1 ? input.getAll(k) : input.get(k)]));
  }
  return input;
}

/**
 * Wraps every server action (each is a public POST endpoint): authenticate → parse → authorise
 * → run. Expected failures (AppError) become field or form errors; anything else is logged with
 * a reference and reaches the user as a generic message, never `error.message`.
 */
export function authedAction<S extends z.ZodType, T>(
  schema: S,
  options: { name: string; permission: Permission },
  handler: Handler<S, T>,
): (input: z.input<S> | FormData) => Promise<ActionResult<T>> {
  return async (rawInput) => {
    const actor = await getActor();
    if (!actor) return { ok: false, fieldErrors: {}, formError: 'Your session has ended. Sign in again to continue.' };
    const values = toPlain(rawInput);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsFrom(parsed.error);
      return { ok: false, fieldErrors, formError: fieldErrors._form?.[0], values };
    }
    if (!can(actor, options.permission)) {
      return { ok: false, fieldErrors: {}, formError: 'You do not have permission to do that.', values };
    }
    const log = childLogger({ action: options.name, userId: actor.userId, orgId: actor.kind === 'customer' ? actor.orgId : undefined });
    try {
      const data = await handler({ input: parsed.data, ctx: { actor, log } });
      return { ok: true, data };
    } catch (error) {
      unstable_rethrow(error);
      if (isAppError(error)) {
        if (error.fieldErrors) return { ok: false, fieldErrors: error.fieldErrors, formError: error.message, values };
        if (error.field) return { ok: false, fieldErrors: { [error.field]: [error.message] }, values };
        return { ok: false, fieldErrors: {}, formError: error.message, values };
      }
      const ref = randomUUID().slice(0, 8);
      log.error({ err: error, ref }, 'action failed');
      return {
        ok: false,
        fieldErrors: {},
        formError: `Something went wrong on our side (reference ${ref}). Please try again; if it keeps happening, contact support and quote the reference.`,
        values,
      };
    }
  };
}

export { ErrorCode };
