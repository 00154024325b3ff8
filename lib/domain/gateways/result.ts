/** Outcome of a precondition rule: fine, or a message that says what is wrong and what to do. */
export type RuleResult = { ok: true } | { ok: false; message: string };

export const pass = (): RuleResult => ({ ok: true });
export const fail = (message: string): RuleResult => ({ ok: false, message });

/** The first failure of several rules, checked in order, or a pass. */
export function firstFailure(...results: readonly RuleResult[]): RuleResult {
  return results.find((r) => !r.ok) ?? pass();
}
