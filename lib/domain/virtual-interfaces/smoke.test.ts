import { it } from 'vitest';
import { createVifSchema } from './schema';
it('smoke', () => {
  const r = createVifSchema.safeParse({ connectionId: 'c1', type: 'PRIVATE', name: 'prod-1', vlan: '101', asn: 'AS65000', addressMode: 'manual', customerAddress: '169.254.10.2/30', amazonAddress: '169.254.10.1/30', mtu: '9001', targetKind: 'dxGateway', dxGatewayId: 'g1', vpnGatewayId: 'v', routeFilterPrefixes: '' });
  console.log(JSON.stringify(r, null, 1));
  const e = createVifSchema.safeParse({ connectionId: '', type: 'PUBLIC', name: 'Prod VIF', vlan: 4095, asn: '23456', addressMode: 'auto', mtu: '1500', targetKind: 'dxGateway', routeFilterPrefixes: '10.0.0.0/8\n8.8.8.0/24' });
  console.log(JSON.stringify(e.error?.issues.map(i => [i.path.join('.'), i.message]), null, 1));
  const f = createVifSchema.safeParse({ type: 'BAD', vlan: true });
  console.log(JSON.stringify(f.error?.issues.map(i => [i.path.join('.'), i.message]), null, 1));
});
