import 'server-only';
import type { Actor } from '../auth/permissions';
import { db } from '../db/client';
import { orgScope } from '../db/scope';
import { DAY, currentStep } from '../domain/connections/lifecycle';
import { factsOf, liveVifCount } from './queries';

export type AttentionItem = { href: string; title: string; detail: string; severity: 'action' | 'problem' | 'info'; dueAt?: Date };

/**
 * What needs the customer first: their own pending actions (accept, unverified account), anything
 * overdue or down, failures and rejections. Two queries whatever the number of connections.
 */
export async function customerAttention(actor: Actor, now = new Date()) {
  const scope = orgScope(actor);
  const [connections, accounts] = await Promise.all([
    db().connection.findMany({
      where: { ...scope, OR: [{ portalStatus: { notIn: ['CLOSED', 'REJECTED'] } }, { portalStatus: 'REJECTED', decidedAt: { gte: new Date(now.getTime() - 7 * DAY) } }] },
      orderBy: { createdAt: 'desc' },
      take: 500,
      select: {
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
        _count: liveVifCount,
      },
    }),
    db().awsAccount.findMany({ where: { ...scope, status: { not: 'VERIFIED' } }, select: { id: true, name: true, accountId: true, status: true } }),
  ]);
  const items: AttentionItem[] = [];
  for (const account of accounts) {
    items.push({
      href: `/aws-accounts/${account.id}`,
      title: `Verify AWS account ${account.name}`,
      detail: account.status === 'FAILED' ? 'The last check failed; fix the IAM role and verify again.' : 'Create the IAM role we describe, then verify it.',
      severity: 'action',
    });
  }
  let active = 0;
  let inProgress = 0;
  for (const c of connections) {
    const step = currentStep(factsOf(c), now);
    if (c.portalStatus === 'ACTIVE') active++;
    else if (c.portalStatus !== 'REJECTED') inProgress++;
    const problem = c.awsState === 'down' || c.portalStatus === 'PROVISIONING_FAILED' || c.portalStatus === 'REJECTED';
    const action = step.owner === 'customer' && c.awsState !== 'available';
    if (problem || action || step.overdue) {
      items.push({ href: `/connections/${c.id}`, title: `${c.name}: ${step.title}`, detail: step.detail, severity: problem || step.overdue ? 'problem' : 'action', dueAt: step.dueAt });
    }
  }
  const rank = { problem: 0, action: 1, info: 2 } as const;
  items.sort((a, b) => rank[a.severity] - rank[b.severity] || (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
  return { items, active, inProgress };
}
