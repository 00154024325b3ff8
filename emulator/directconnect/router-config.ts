import { dxClientError } from '../errors.js';
import type { BgpPeer, Vif } from '../state/types.js';
import { escapeXml } from '../protocols/query-xml.js';
import { type DxContext, visibleVif } from './context.js';
import { optString, type Input } from './input.js';

/** The XML every VirtualInterface carries in `customerRouterConfig` (aws-cli samples, §6). */
export function customerRouterConfigXml(vif: Vif): string {
  const live = vif.peers.filter((p) => p.phase !== 'deleting' && p.phase !== 'deleted');
  const v4 = live.find((p) => p.addressFamily === 'ipv4');
  const v6 = live.find((p) => p.addressFamily === 'ipv6');
  const el = (name: string, value: string | number | undefined) => (value === undefined ? '' : `  <${name}>${escapeXml(String(value))}</${name}>\n`);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<logical_connection id="${vif.id}">\n` +
    el('vlan', vif.vlan) +
    el('customer_address', v4?.customerAddress) +
    el('amazon_address', v4?.amazonAddress) +
    el('bgp_asn', v4?.asnLong) +
    el('bgp_auth_key', v4?.authKey) +
    el('ipv6_customer_address', v6?.customerAddress) +
    el('ipv6_amazon_address', v6?.amazonAddress) +
    el('ipv6_bgp_asn', v6?.asnLong) +
    el('ipv6_bgp_auth_key', v6?.authKey) +
    el('amazon_bgp_asn', vif.amazonSideAsn) +
    el('connection_type', vif.type) +
    `</logical_connection>\n`
  );
}

type RouterType = {
  vendor: string;
  platform: string;
  software: string;
  xsltTemplateName: string;
  xsltTemplateNameForMacSec: string;
  routerTypeIdentifier: string;
  render: (vif: Vif, peers: BgpPeer[]) => string;
};

const addr = (cidr: string) => cidr.split('/')[0] ?? cidr;
const mask = (cidr: string) => {
  const prefix = Number(cidr.split('/')[1] ?? 32);
  const bits = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((s) => (bits >>> s) & 255).join('.');
};

function header(vif: Vif, comment: string): string {
  return `${comment} Amazon Web Services Direct Connect virtual interface ${vif.id} (${vif.type}, VLAN ${vif.vlan})\n${comment} Amazon side ASN ${vif.amazonSideAsn ?? 'assigned when the interface is confirmed'}\n`;
}

const ROUTER_TYPES: RouterType[] = [
  {
    vendor: 'Cisco Systems, Inc.',
    platform: '2900 Series Routers',
    software: 'IOS 12.4+',
    xsltTemplateName: 'customer-router-cisco-generic.xslt',
    xsltTemplateNameForMacSec: '',
    routerTypeIdentifier: 'CiscoSystemsInc-2900SeriesRouters-IOS124',
    render: (vif, peers) =>
      header(vif, '!') +
      `interface GigabitEthernet0/1.${vif.vlan}\n description "Direct Connect ${vif.id}"\n encapsulation dot1Q ${vif.vlan}\n` +
      peers.map((p) => (p.addressFamily === 'ipv4' ? ` ip address ${addr(p.customerAddress)} ${mask(p.customerAddress)}\n` : ` ipv6 address ${p.customerAddress}\n`)).join('') +
      `!\nrouter bgp ${peers[0]?.asnLong ?? ''}\n` +
      peers.map((p) => ` neighbor ${addr(p.amazonAddress)} remote-as ${vif.amazonSideAsn ?? ''}\n neighbor ${addr(p.amazonAddress)} password ${p.authKey}\n`).join('') +
      `!\n`,
  },
  {
    vendor: 'Juniper Networks, Inc.',
    platform: 'M/MX Series Routers',
    software: 'JunOS 9.5+',
    xsltTemplateName: 'customer-router-juniper-generic.xslt',
    xsltTemplateNameForMacSec: 'customer-router-juniper-macsec-generic.xslt',
    routerTypeIdentifier: 'JuniperNetworksInc-MMXSeriesRouters-JunOS95',
    render: (vif, peers) =>
      header(vif, '#') +
      `interfaces {\n  ge-0/0/1 {\n    vlan-tagging;\n    unit ${vif.vlan} {\n      vlan-id ${vif.vlan};\n` +
      peers.map((p) => `      family ${p.addressFamily === 'ipv4' ? 'inet' : 'inet6'} { address ${p.customerAddress}; }\n`).join('') +
      `    }\n  }\n}\nprotocols {\n  bgp {\n    group ${vif.id} {\n      type external;\n      peer-as ${vif.amazonSideAsn ?? ''};\n` +
      peers.map((p) => `      neighbor ${addr(p.amazonAddress)} { local-address ${addr(p.customerAddress)}; authentication-key "${p.authKey}"; }\n`).join('') +
      `    }\n  }\n}\n`,
  },
  {
    vendor: 'Generic',
    platform: 'Generic',
    software: 'Vendor Agnostic',
    xsltTemplateName: 'customer-router-generic.xslt',
    xsltTemplateNameForMacSec: '',
    routerTypeIdentifier: 'Generic-Generic-VendorAgnostic',
    render: (vif, peers) =>
      header(vif, '#') +
      `802.1Q VLAN tag: ${vif.vlan}\n` +
      peers
        .map(
          (p) =>
            `BGP peer ${p.id} (${p.addressFamily})\n  Customer address: ${p.customerAddress}\n  Amazon address: ${p.amazonAddress}\n  Customer ASN: ${p.asnLong}\n  Amazon ASN: ${vif.amazonSideAsn ?? ''}\n  MD5 key: ${p.authKey}\n`,
        )
        .join('') +
      `BGP hold time 90 s, keepalive 30 s; advertise your prefixes to the Amazon peer.\n`,
  },
];

export const ROUTER_TYPE_IDS = ROUTER_TYPES.map((r) => r.routerTypeIdentifier);

export function describeRouterConfiguration(ctx: DxContext, input: Input): unknown {
  const vifId = optString(input, 'virtualInterfaceId');
  if (!vifId) throw dxClientError('Missing required parameter virtualInterfaceId.');
  const vif = visibleVif(ctx, vifId);
  const id = optString(input, 'routerTypeIdentifier') ?? 'Generic-Generic-VendorAgnostic';
  const type = ROUTER_TYPES.find((r) => r.routerTypeIdentifier === id);
  if (!type) {
    throw dxClientError(`Router type ${id} is not supported. Supported router types: ${ROUTER_TYPE_IDS.join(', ')}.`);
  }
  if (vif.phase === 'deleted' || vif.phase === 'deleting' || vif.phase === 'rejected') {
    throw dxClientError(`Virtual interface ${vif.id} is in state ${vif.phase}; no router configuration is available.`);
  }
  const peers = vif.peers.filter((p) => p.phase !== 'deleting' && p.phase !== 'deleted');
  const { render, ...router } = type;
  return {
    customerRouterConfig: render(vif, peers),
    router,
    virtualInterfaceId: vif.id,
    virtualInterfaceName: vif.name,
  };
}
