import Link from 'next/link';
import { associationStateLabels, dxGatewayStateLabels, vpcAttachmentStateLabels, vpnGatewayStateLabels } from '@/lib/domain/gateways';
import type { DxGatewayListItem, VpnGatewayListItem } from '@/lib/gateways/queries';
import { StateBadge } from '../state-badge';
import { Table, Td, Th } from '../ui/table';
import { GatewayStatus } from './gateway-status';

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function DxGatewayTable({ items, showOrg }: { items: DxGatewayListItem[]; showOrg: boolean }) {
  return (
    <Table aria-label="Direct Connect gateways">
      <thead>
        <tr>
          <Th>Gateway</Th>
          {showOrg ? <Th>Organisation</Th> : null}
          <Th>State</Th>
          <Th className="hidden sm:table-cell">Amazon-side ASN</Th>
          <Th className="hidden md:table-cell">In use by</Th>
          <Th className="hidden lg:table-cell">AWS account</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {items.map((g) => (
          <tr key={g.id}>
            <Td>
              <Link href={`/gateways/dx/${g.id}`} className="font-medium text-brand-700 hover:underline">
                {g.name}
              </Link>
              {g.awsGatewayId ? <div className="break-all font-mono text-xs text-slate-600">{g.awsGatewayId}</div> : null}
            </Td>
            {showOrg ? <Td>{g.org.name}</Td> : null}
            <Td>
              <GatewayStatus portalStatus={g.portalStatus} awsState={g.awsState} labels={dxGatewayStateLabels} />
            </Td>
            <Td className="hidden font-mono sm:table-cell">{g.amazonSideAsn}</Td>
            <Td className="hidden text-slate-700 md:table-cell">
              {plural(g.associationCount, 'virtual private gateway')}, {plural(g.attachedVifCount, 'virtual interface')}
            </Td>
            <Td className="hidden lg:table-cell">
              {g.awsAccount.name}
              <div className="font-mono text-xs text-slate-600">{g.awsAccount.accountId}</div>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function VpnGatewayTable({ items, showOrg }: { items: VpnGatewayListItem[]; showOrg: boolean }) {
  return (
    <Table aria-label="Virtual private gateways">
      <thead>
        <tr>
          <Th>Gateway</Th>
          {showOrg ? <Th>Organisation</Th> : null}
          <Th>State</Th>
          <Th className="hidden sm:table-cell">VPC</Th>
          <Th className="hidden md:table-cell">Direct Connect gateway</Th>
          <Th className="hidden lg:table-cell">AWS account</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {items.map((g) => (
          <tr key={g.id}>
            <Td>
              <Link href={`/gateways/vgw/${g.id}`} className="font-medium text-brand-700 hover:underline">
                {g.name}
              </Link>
              <div className="text-xs text-slate-600">
                {g.region}
                {g.awsVpnGatewayId ? <span className="ml-1 font-mono">{g.awsVpnGatewayId}</span> : null}
              </div>
            </Td>
            {showOrg ? <Td>{g.org.name}</Td> : null}
            <Td>
              <GatewayStatus portalStatus={g.portalStatus} awsState={g.awsState} labels={vpnGatewayStateLabels} />
            </Td>
            <Td className="hidden sm:table-cell">
              {g.vpcId && g.attachmentState && g.attachmentState !== 'detached' ? (
                <span className="flex flex-wrap items-center gap-1">
                  <span className="font-mono text-xs">{g.vpcId}</span>
                  <StateBadge state={vpcAttachmentStateLabels[g.attachmentState]} />
                </span>
              ) : (
                <span className="text-slate-600">Not attached</span>
              )}
            </Td>
            <Td className="hidden md:table-cell">
              {g.association ? (
                <span className="flex flex-wrap items-center gap-1">
                  <Link href={`/gateways/dx/${g.association.dxGateway.id}`} className="text-brand-700 hover:underline">
                    {g.association.dxGateway.name}
                  </Link>
                  {g.association.awsState ? <StateBadge state={associationStateLabels[g.association.awsState]} /> : null}
                </span>
              ) : (
                <span className="text-slate-600">Not associated</span>
              )}
            </Td>
            <Td className="hidden lg:table-cell">
              {g.awsAccount.name}
              <div className="font-mono text-xs text-slate-600">{g.awsAccount.accountId}</div>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
