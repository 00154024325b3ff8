import type { AccountConfig, SandboxConfig } from '../config.js';
import { stableChars, stableHex } from './ids.js';
import type { Account, Connection, LocationSeed, State } from './types.js';

const DEDICATED_SPEEDS = ['1Gbps', '10Gbps', '100Gbps', '400Gbps'];

export const LOCATIONS: LocationSeed[] = [
  {
    region: 'us-east-1',
    locationCode: 'EqDC2',
    locationName: 'Equinix DC2/DC11, Ashburn, VA',
    availablePortSpeeds: DEDICATED_SPEEDS,
    availableMacSecPortSpeeds: ['10Gbps', '100Gbps', '400Gbps'],
    availableProviders: ['Colo Provider', 'Equinix, Inc.', 'Megaport'],
    logicalRedundancy: true,
  },
  {
    region: 'us-east-1',
    locationCode: 'CSVA1',
    locationName: 'CoreSite VA1, Reston, VA',
    availablePortSpeeds: ['1Gbps', '10Gbps', '100Gbps'],
    availableMacSecPortSpeeds: ['10Gbps', '100Gbps'],
    availableProviders: ['Colo Provider', 'CoreSite'],
    logicalRedundancy: false,
  },
  {
    region: 'us-west-1',
    locationCode: 'CSSV1',
    locationName: 'CoreSite SV1, San Jose, CA',
    availablePortSpeeds: ['1Gbps', '10Gbps', '100Gbps'],
    availableMacSecPortSpeeds: ['10Gbps', '100Gbps'],
    availableProviders: ['CoreSite', 'Megaport'],
    logicalRedundancy: true,
  },
  {
    region: 'us-west-2',
    locationCode: 'EqSE2',
    locationName: 'Equinix SE2, Seattle, WA',
    availablePortSpeeds: DEDICATED_SPEEDS,
    availableMacSecPortSpeeds: ['10Gbps', '100Gbps'],
    availableProviders: ['Colo Provider', 'Equinix, Inc.'],
    logicalRedundancy: true,
  },
  {
    region: 'eu-west-1',
    locationCode: 'EIRE1',
    locationName: 'Digital Realty Dublin, Clonshaugh',
    availablePortSpeeds: ['1Gbps', '10Gbps', '100Gbps'],
    availableMacSecPortSpeeds: ['10Gbps'],
    availableProviders: ['Colo Provider', 'Digital Realty'],
    logicalRedundancy: true,
  },
  {
    region: 'eu-central-1',
    locationCode: 'EqFA5',
    locationName: 'Equinix FR5, Frankfurt',
    availablePortSpeeds: DEDICATED_SPEEDS,
    availableMacSecPortSpeeds: ['10Gbps', '100Gbps', '400Gbps'],
    availableProviders: ['Colo Provider', 'Equinix, Inc.', 'Megaport'],
    logicalRedundancy: true,
  },
];

export function findLocation(region: string, code: string): LocationSeed | undefined {
  return LOCATIONS.find((l) => l.region === region && l.locationCode === code);
}

/** Two AWS devices per location; a port's device is chosen from its id. */
export function deviceFor(locationCode: string, pick: string): { awsDevice: string; awsLogicalDeviceId: string } {
  const n = parseInt(stableHex(pick, 2), 16) % 2;
  return {
    awsDevice: `${locationCode}-${stableChars(`${locationCode}:device:${n}`, 13)}`,
    awsLogicalDeviceId: `${locationCode}-${stableChars(`${locationCode}:logical:${n}`, 13)}`,
  };
}

/** A stable physical port name for a connection id (printed on the LOA). */
export function portFor(id: string, bandwidth: string): string {
  const n = parseInt(stableHex(`${id}:port`, 4), 16);
  return bandwidth === '100Gbps' || bandwidth === '400Gbps' ? `et-0/0/${n % 32}` : `xe-0/0/${n % 48}`;
}

const KNOWN_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1',
  'eu-central-2', 'eu-north-1', 'eu-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-northeast-2',
  'ap-south-1', 'ca-central-1', 'sa-east-1', 'af-south-1', 'me-south-1',
];

const VPC_NAMES = ['prod', 'staging', 'shared-services', 'analytics'];

/** Seed `count` VPCs (each with a main and one extra route table) for an account in a region. */
export function seedVpcs(state: State, accountId: string, region: string, count: number): void {
  const known = KNOWN_REGIONS.indexOf(region);
  const regionIndex = known >= 0 ? known : 20 + (parseInt(stableHex(region, 2), 16) % 9);
  for (let i = 0; i < count; i += 1) {
    const seed = `${accountId}:${region}:vpc:${i}`;
    const vpcId = `vpc-0${stableHex(seed, 16)}`;
    if (state.vpcs[vpcId]) continue;
    const name = `${VPC_NAMES[i % VPC_NAMES.length] ?? 'vpc'}-${region}`;
    state.seq += 1;
    state.vpcs[vpcId] = {
      id: vpcId,
      seq: state.seq,
      ownerAccount: accountId,
      region,
      cidrBlock: `10.${10 + regionIndex * 8 + (i % 8)}.0.0/16`,
      cidrAssociationId: `vpc-cidr-assoc-0${stableHex(`${seed}:cidr`, 16)}`,
      dhcpOptionsId: `dopt-0${stableHex(`${accountId}:${region}:dopt`, 16)}`,
      tags: [{ key: 'Name', value: name }],
    };
    for (const [j, main] of [true, false].entries()) {
      const rtbId = `rtb-0${stableHex(`${seed}:rtb:${j}`, 16)}`;
      state.seq += 1;
      state.routeTables[rtbId] = {
        id: rtbId,
        seq: state.seq,
        ownerAccount: accountId,
        region,
        vpcId,
        main,
        ...(main ? { associationId: `rtbassoc-0${stableHex(`${seed}:rtbassoc`, 16)}` } : {}),
        propagatingVgws: [],
        tags: [{ key: 'Name', value: main ? `${name}-main` : `${name}-private` }],
      };
    }
  }
}

export function accountFromConfig(cfg: AccountConfig): Account {
  const roles: Account['roles'] = {};
  for (const r of cfg.roles ?? []) {
    roles[r.roleName] = {
      roleName: r.roleName,
      trustedAccountId: r.trustedAccountId,
      externalId: r.externalId,
      maxSessionDuration: r.maxSessionDuration ?? 3600,
    };
  }
  return {
    accountId: cfg.accountId,
    name: cfg.name,
    accessKeyId: cfg.accessKeyId,
    secretAccessKey: cfg.secretAccessKey,
    userName: cfg.userName ?? 'sandbox-admin',
    partner: cfg.partner ?? false,
    roles,
  };
}

function seedInterconnect(state: State, owner: string, id: string, region: string, location: string, name: string): void {
  const loc = findLocation(region, location);
  state.seq += 1;
  const ic: Connection = {
    id,
    kind: 'interconnect',
    seq: state.seq,
    ownerAccount: owner,
    name,
    region,
    location,
    bandwidth: '10Gbps',
    phase: 'provisioned',
    linkUp: true,
    ...deviceFor(location, id),
    port: portFor(id, '10Gbps'),
    logicalRedundancy: loc?.logicalRedundancy ?? true,
    macSecCapable: false,
    createdAt: 0,
    tags: [{ key: 'Name', value: name }],
  };
  state.connections[id] = ic;
}

/** The seeded world: accounts, the partner's interconnects (stable ids) and customer VPCs. */
export function seedState(config: SandboxConfig): State {
  const state: State = {
    version: 1,
    clockOffsetMs: 0,
    seq: 0,
    accounts: {},
    tempCredentials: {},
    connections: {},
    vifs: {},
    failoverTests: {},
    dxGateways: {},
    associations: {},
    vpnGateways: {},
    vpcs: {},
    routeTables: {},
    timers: [],
  };
  for (const cfg of config.accounts) {
    state.accounts[cfg.accountId] = accountFromConfig(cfg);
    for (const region of cfg.vpcRegions ?? []) seedVpcs(state, cfg.accountId, region, region === 'us-east-1' ? 3 : 2);
  }
  const partner = config.accounts.find((a) => a.partner);
  if (partner) {
    seedInterconnect(state, partner.accountId, 'dxcon-fgprov01', 'us-east-1', 'EqDC2', 'colo-provider-ashburn-10g');
    seedInterconnect(state, partner.accountId, 'dxcon-fgprov02', 'eu-central-1', 'EqFA5', 'colo-provider-frankfurt-10g');
  }
  return state;
}
