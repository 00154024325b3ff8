import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRouterBundle } from '@/lib/domain/router-bundle/render';
import type { RouterBundleInput } from '@/lib/domain/router-bundle/schema';
import { createTarGz } from '../archive';
import { parseIfupdown, stanzaCommands } from './ifupdown';
import { mustRun, type FrrInstance, type NetnsLab } from './netns-lab';

/**
 * The three-namespace topology of the FRR test: `rs` (the router server, configured from the
 * bundle), `aws` (FRR playing the Amazon router, advertising a VPC prefix, another prefix and a
 * default route) and `srv` (a backend server behind the router server).
 */

export type AwsSide = {
  /** The VPC prefix AWS advertises, and an address in it that answers TCP (bgpd's port 179). */
  vpc: string;
  vpcHost: string;
  /** A prefix outside `acceptedPrefixes`, to show the inbound filter. */
  other: string;
  /** The backend server's address on the backend network, with prefix length. */
  serverAddress: string;
};

export type DxLab = {
  rsNs: string;
  awsNs: string;
  srvNs: string;
  bundleDir: string;
  /** True when a real 802.1Q device carries the tagged link; false when a stand-in veth does. */
  realVlan: boolean;
  awsInterface: string;
};

export function extractBundle(lab: NetnsLab, input: RouterBundleInput): string {
  const bundle = renderRouterBundle(input);
  const archive = join(lab.dir, bundle.archiveName);
  writeFileSync(archive, createTarGz(bundle.files));
  const out = join(lab.dir, 'bundle');
  mkdirSync(out);
  mustRun('tar', ['-xzf', archive, '-C', out]);
  return join(out, bundle.rootDir);
}

/**
 * Creates the namespaces and links. The router server's Direct Connect interfaces come from the
 * bundle's ifupdown file. Without kernel VLAN support, the VLAN subinterface is stood in for by
 * a veth of the same name (e.g. `eth1.100`) facing AWS; its parent is a veth to nowhere.
 */
export function wireDxLab(lab: NetnsLab, bundleDir: string, vlanSupported: boolean, input: RouterBundleInput): DxLab {
  const rsNs = lab.addNamespace('rs');
  const awsNs = lab.addNamespace('aws');
  const srvNs = lab.addNamespace('srv');
  const stanzas = parseIfupdown(readFileSync(join(bundleDir, 'etc/network/interfaces.d', `dx-${input.vif.id}`), 'utf8'));
  const vlanStanza = stanzas.find((s) => s.options.has('vlan-raw-device'));
  let awsInterface = 'aws0';
  let realVlan = false;
  if (!vlanStanza) {
    const [only] = stanzas;
    if (!only) throw new Error('no interface in the bundle');
    lab.addVeth({ ns: rsNs, name: only.name }, { ns: awsNs, name: 'aws0' });
  } else {
    const parent = vlanStanza.options.get('vlan-raw-device') ?? '';
    const vlan = vlanStanza.name.slice(parent.length + 1);
    if (vlanSupported) {
      realVlan = true;
      lab.addVeth({ ns: rsNs, name: parent }, { ns: awsNs, name: 'aws0' });
      lab.exec(rsNs, ['ip', 'link', 'add', 'link', parent, 'name', vlanStanza.name, 'type', 'vlan', 'id', vlan]);
      lab.exec(awsNs, ['ip', 'link', 'add', 'link', 'aws0', 'name', `aws0.${vlan}`, 'type', 'vlan', 'id', vlan]);
      lab.exec(awsNs, ['ip', 'link', 'set', 'aws0', 'up']);
      awsInterface = `aws0.${vlan}`;
    } else {
      lab.addVeth({ ns: rsNs, name: vlanStanza.name }, { ns: awsNs, name: 'aws0' });
      lab.addVeth({ ns: rsNs, name: parent }, { ns: rsNs, name: `${parent}x` });
    }
  }
  for (const stanza of stanzas) for (const cmd of stanzaCommands(stanza)) lab.exec(rsNs, cmd);

  const v6 = input.vif.addressFamily === 'ipv6';
  const awsAddress = input.vif.amazonAddress;
  lab.exec(awsNs, ['ip', 'link', 'set', awsInterface, 'up']);
  lab.exec(awsNs, ['ip', v6 ? '-6' : '-4', 'addr', 'add', awsAddress, 'dev', awsInterface]);
  return { rsNs, awsNs, srvNs, bundleDir, realVlan, awsInterface };
}

/** Backend link rs:backendInterface ⇄ srv:eth0, the backend server using the bundle's snippet. */
export function wireBackend(lab: NetnsLab, dx: DxLab, input: RouterBundleInput, aws: AwsSide): void {
  const v6 = input.vif.addressFamily === 'ipv6';
  const fam = v6 ? '-6' : '-4';
  const [network] = input.router.backendNetworks;
  const gateway = input.router.backendAddress;
  if (!network || !gateway) throw new Error('the lab needs router.backendAddress');
  lab.addVeth({ ns: dx.rsNs, name: input.router.backendInterface }, { ns: dx.srvNs, name: 'eth0' });
  lab.exec(dx.rsNs, ['ip', 'link', 'set', input.router.backendInterface, 'up']);
  lab.exec(dx.rsNs, ['ip', fam, 'addr', 'add', `${gateway}/${network.split('/')[1]}`, 'dev', input.router.backendInterface, ...(v6 ? ['nodad'] : [])]);
  lab.exec(dx.srvNs, ['ip', 'link', 'set', 'eth0', 'up']);
  lab.exec(dx.srvNs, ['ip', fam, 'addr', 'add', aws.serverAddress, 'dev', 'eth0', ...(v6 ? ['nodad'] : [])]);
  // Option A of backend/debian-interfaces.txt, with VPC_CIDR filled in as an operator would.
  const snippet = readFileSync(join(dx.bundleDir, 'backend/debian-interfaces.txt'), 'utf8');
  const ups = snippet
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('up '))
    .map((l) => l.slice(3).replace(/VPC_CIDR/g, aws.vpc).split(/\s+/));
  if (ups.length === 0) throw new Error('no route in the backend snippet');
  for (const cmd of ups) lab.exec(dx.srvNs, cmd);
}

/** The Amazon side: plain FRR, any-policy, advertising the VPC, another prefix and a default. */
export function awsFrrConf(input: RouterBundleInput, aws: AwsSide, opts: { bfd?: boolean } = {}): string {
  const v6 = input.vif.addressFamily === 'ipv6';
  const ip = v6 ? 'ipv6' : 'ip';
  const customer = input.vif.customerAddress.split('/')[0] ?? '';
  return [
    'frr defaults traditional',
    'hostname aws',
    `${ip} route ${aws.vpc} blackhole`,
    `${ip} route ${aws.other} blackhole`,
    `router bgp ${input.vif.amazonSideAsn}`,
    ' bgp router-id 10.255.255.1',
    ' no bgp default ipv4-unicast',
    ` neighbor ${customer} remote-as ${input.vif.asn}`,
    ` neighbor ${customer} password ${input.vif.authKey}`,
    ...(opts.bfd ? [` neighbor ${customer} bfd`] : []),
    ` address-family ${v6 ? 'ipv6' : 'ipv4'} unicast`,
    `  network ${aws.vpc}`,
    `  network ${aws.other}`,
    `  neighbor ${customer} activate`,
    `  neighbor ${customer} default-originate`,
    `  neighbor ${customer} soft-reconfiguration inbound`,
    `  neighbor ${customer} route-map ANY in`,
    `  neighbor ${customer} route-map ANY out`,
    ' exit-address-family',
    'exit',
    'route-map ANY permit 10',
    'exit',
    '',
  ].join('\n');
}

export function startAws(lab: NetnsLab, dx: DxLab, input: RouterBundleInput, aws: AwsSide, opts: { bfd?: boolean; authKey?: string } = {}): FrrInstance {
  const v6 = input.vif.addressFamily === 'ipv6';
  lab.exec(dx.awsNs, ['ip', v6 ? '-6' : '-4', 'addr', 'add', `${aws.vpcHost}/${v6 ? 128 : 32}`, 'dev', 'lo']);
  const frr = lab.startFrr(dx.awsNs, 'aws', ['zebra', 'staticd', 'bgpd', ...(opts.bfd ? ['bfdd'] : [])]);
  const file = join(lab.dir, 'aws.conf');
  writeFileSync(file, awsFrrConf({ ...input, vif: { ...input.vif, authKey: opts.authKey ?? input.vif.authKey } }, aws, opts));
  const loaded = frr.loadConfig(file);
  if (loaded.status !== 0) throw new Error(`AWS config rejected: ${loaded.stdout}${loaded.stderr}`);
  return frr;
}
