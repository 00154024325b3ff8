import { Plus } from 'lucide-react';
import Link from 'next/link';
import { bgpStatusLabels, vifPortalStatusLabels, vifStateLabels, vifTypeInfo } from '@/lib/domain/virtual-interfaces';
import type { listVifsForConnection } from '@/lib/virtual-interfaces/queries';
import { StateBadge } from '../state-badge';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader, CardTitle } from '../ui/card';

type Vif = Awaited<ReturnType<typeof listVifsForConnection>>[number];

export function VifListCard({ connectionId, vifs, createReason, canCreate }: { connectionId: string; vifs: Vif[]; createReason: string | null; canCreate: boolean }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Virtual interfaces</CardTitle>
        {canCreate && !createReason ? (
          <Button asChild size="sm">
            <Link href={`/connections/${connectionId}/vifs/new`}>
              <Plus aria-hidden />
              Create virtual interface
            </Link>
          </Button>
        ) : null}
      </CardHeader>
      <CardBody className="space-y-3">
        {canCreate && createReason ? <p className="text-sm text-slate-600">{createReason}</p> : null}
        {vifs.length === 0 ? (
          <p className="text-sm text-slate-600">None yet. A virtual interface is a VLAN with a BGP session that reaches your VPCs or AWS public services.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {vifs.map((v) => {
              const up = v.bgpPeers.some((p) => p.bgpStatus === 'up');
              return (
                <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div className="min-w-0">
                    <Link href={`/virtual-interfaces/${v.id}`} className="font-medium text-brand-700 hover:underline">
                      {v.name}
                    </Link>
                    <div className="text-xs text-slate-600">
                      {vifTypeInfo[v.type].label} · VLAN {v.vlan} · {v.addressFamily === 'ipv6' ? 'IPv6' : 'IPv4'}
                      {v.hosted ? ` · hosted for ${v.awsAccount.accountId}` : ''}
                      {v.awsVirtualInterfaceId ? <span className="ml-1 font-mono">{v.awsVirtualInterfaceId}</span> : null}
                    </div>
                  </div>
                  <div className="flex flex-wrap items-center gap-1">
                    {v.awsState ? <StateBadge state={vifStateLabels[v.awsState]} /> : <StateBadge state={vifPortalStatusLabels[v.portalStatus]} />}
                    {v.awsState && v.bgpPeers.length ? <StateBadge state={up ? bgpStatusLabels.up : bgpStatusLabels.down} /> : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
