import 'server-only';
import type { Prisma } from '../db/generated/client';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import { orgScope } from '../db/scope';
import { DAY, currentStep } from '../domain/connections/lifecycle';
import { factsOf, withLiveVifCounts } from './queries';

export type AttentionItem = { href: string; title: string; detail: string; severity: 'action' | 'problem' | 'info'; dueAt?: Date };

export type CustomerAttention = {
  items: AttentionItem[];
  /** True when there are more items than the dashboard shows (the connection list has them all). */
  more: boolean;
  active: number;
  inProgress: number;
  problems: number;
};

/** How many connections of each kind the dashboard looks at: enough to rank, bounded at any size. */
const window = 100;

const factsSelect = {
  id: true,
  name: true,
  type: true,
  portalStatus: true,
  awsState: true,
  createdAt: true,
  decidedAt: true,
  rejectionReason: true,
  lastError: true,
  awsStateChangedAt: true,
  loaIssuedAt: true,
  loaExpiresAt: true,
  loaFirstIssuedAt: true,
  portUpAt: true,
  crossConnects: { where: { kind: 'INSTALL' }, select: { status: true }, orderBy: { createdAt: 'desc' }, take: 1 },
} satisfies Prisma.ConnectionSelect;

/** A problem is a port AWS reports down, a provisioning failure, or a rejection of the last week. */
function problemWhere(now: Date): Prisma.ConnectionWhereInput {
  return {
    OR: [
      { awsState: 'down', portalStatus: { notIn: ['CLOSED', 'REJECTED'] } },
      { portalStatus: 'PROVISIONING_FAILED' },
      { portalStatus: 'REJECTED', decidedAt: { gte: new Date(now.getTime() - 7 * DAY) } },
    ],
  };
}

/**
 * Connections whose current step can need the customer or be overdue: everything open that is not
 * in steady service. An available connection's step has no due date and is never the customer's
 * blocking action, so the many connections in service are never loaded.
 */
const openNotInService: Prisma.ConnectionWhereInput = {
  portalStatus: { notIn: ['CLOSED', 'REJECTED', 'PROVISIONING_FAILED'] },
  OR: [{ awsState: null }, { awsState: { notIn: ['available', 'down'] } }],
};

/**
 * What needs the customer first: their own pending actions (accept, unverified account), anything
 * overdue or down, failures and rejections. The counts come from one aggregate query; the list
 * from at most `window` problems and `window` other open connections (the oldest first, as those
 * are the ones that become overdue), so the cost is the same for 9 connections and for 20,000.
 */
export async function customerAttention(actor: Actor, options: { limit?: number; now?: Date } = {}): Promise<CustomerAttention> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 20;
  const scope = orgScope(actor);
  const [byStatus, problemCount, problemRows, openRows, accounts] = await Promise.all([
    db().connection.groupBy({ by: ['portalStatus'], where: { ...scope, portalStatus: { notIn: ['CLOSED', 'REJECTED'] } }, _count: { _all: true } }),
    db().connection.count({ where: { ...scope, ...problemWhere(now) } }),
    db().connection.findMany({ where: { ...scope, ...problemWhere(now) }, orderBy: [{ awsStateChangedAt: 'asc' }, { createdAt: 'asc' }], take: window, select: factsSelect }),
    db().connection.findMany({ where: { ...scope, ...openNotInService }, orderBy: { createdAt: 'asc' }, take: window, select: factsSelect }),
    db().awsAccount.findMany({ where: { ...scope, status: { not: 'VERIFIED' } }, select: { id: true, name: true, accountId: true, status: true }, take: window }),
  ]);
  const items: AttentionItem[] = accounts.map((account) => ({
    href: `/aws-accounts/${account.id}`,
    title: `Verify AWS account ${account.name}`,
    detail: account.status === 'FAILED' ? 'The last check failed; fix the IAM role and verify again.' : 'Create the IAM role we describe, then verify it.',
    severity: 'action',
  }));
  const problems = new Set(problemRows.map((c) => c.id));
  for (const c of await withLiveVifCounts([...problemRows, ...openRows])) {
    const step = currentStep(factsOf(c), now);
    const problem = problems.has(c.id);
    const action = step.owner === 'customer';
    if (problem || action || step.overdue) {
      items.push({ href: `/connections/${c.id}`, title: `${c.name}: ${step.title}`, detail: step.detail, severity: problem || step.overdue ? 'problem' : 'action', dueAt: step.dueAt });
    }
  }
  const rank = { problem: 0, action: 1, info: 2 } as const;
  items.sort((a, b) => rank[a.severity] - rank[b.severity] || (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
  const count = (s: string) => byStatus.find((g) => g.portalStatus === s)?._count._all ?? 0;
  const active = count('ACTIVE');
  const inProgress = byStatus.reduce((n, g) => n + g._count._all, 0) - active;
  return { items: items.slice(0, limit), more: items.length > limit, active, inProgress, problems: problemCount };
}
