/**
 * Provider-scale data for `npm run bench -- --load`, written with set-based SQL (generate_series),
 * so two thousand organisations and a million events take seconds, not one round trip per row.
 *
 * Shape (defaults): 2,000 organisations; the biggest has 2,009 connections, every other one 9
 * (20,000 in all); three or four VIFs per provisioned connection (about 60,000) each with a BGP peer; 49 timeline events
 * per connection plus one connection with 20,049 and one VIF with 5,000 (just over a million);
 * requests waiting for the NOC, open cross-connect orders, hosted connections on the provider's
 * interconnects, gateways and reminders.
 */
import pg from 'pg';

export type ScaleShape = {
  orgs: number;
  bigOrgConnections: number;
  connectionsPerOrg: number;
  vifsPerConnection: number;
  eventsPerConnection: number;
  heavyConnectionEvents: number;
  heavyVifEvents: number;
};

export const providerScale: ScaleShape = {
  orgs: 2000,
  bigOrgConnections: 2009,
  connectionsPerOrg: 9,
  /** Three per provisioned connection, four on every other one: about 60,000 in all. */
  vifsPerConnection: 3,
  eventsPerConnection: 49,
  heavyConnectionEvents: 20_049,
  heavyVifEvents: 5_000,
};

/** The ids the load run signs in as and opens: fixed, so the page list needs no lookups. */
export const scaleIds = {
  bigOrg: 'bench-org-0',
  smallOrg: 'bench-org-1',
  bigOwnerEmail: 'owner0@bench.example',
  smallOwnerEmail: 'owner1@bench.example',
  nocEmail: 'noc@bench.example',
  supportEmail: 'support@bench.example',
  /** In the big organisation: the connection with the long timeline, and one with an ordinary one. */
  heavyConnection: 'bench-con-0-1',
  ordinaryConnection: 'bench-con-0-2',
  smallConnection: 'bench-con-1-1',
  heavyVif: 'bench-vif-0-1-1',
  ordinaryVif: 'bench-vif-0-2-1',
  /** An AWS id of an ordinary connection, for support search. */
  searchAwsId: 'dxcon-b0x2',
};

export type ScaleCounts = Record<'organisations' | 'connections' | 'virtualInterfaces' | 'events', number>;

/** Seeds an empty, migrated database. `passwordHash` is shared by every bench user. */
export async function seedProviderScale(url: string, passwordHash: string, shape: ScaleShape = providerScale): Promise<ScaleCounts> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined); // a failed statement rejects its query; this is the socket
  await client.connect();
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
  try {
    await q('begin');
    // Facility: four locations, two provider interconnects each.
    await q(`insert into "Location" (id, code, name, region, "updatedAt")
      select 'bench-loc-' || l, (array['EqDC2','EqNY5','CSVA1','EqCH2'])[l], (array['Equinix DC2','Equinix NY5','CoreSite VA1','Equinix CH2'])[l], 'us-east-1', now()
      from generate_series(1, 4) l`);
    await q(`insert into "Interconnect" (id, "awsInterconnectId", name, "locationId", region, bandwidth, "updatedAt")
      select 'bench-ic-' || l || '-' || i, 'dxcon-ic' || l || i, 'Provider ' || l || '/' || i, 'bench-loc-' || l, 'us-east-1', '100Gbps', now()
      from generate_series(1, 4) l, generate_series(1, 2) i`);

    // Organisations, one owner and one member each, one verified AWS account each.
    await q(`insert into "Organisation" (id, name, slug, "updatedAt")
      select 'bench-org-' || o, 'Tenant ' || o, 'tenant-' || o, now() from generate_series(0, $1 - 1) o`, [shape.orgs]);
    await q(`insert into "User" (id, email, name, "passwordHash", "updatedAt")
      select 'bench-owner-' || o, 'owner' || o || '@bench.example', 'Owner ' || o, $2, now() from generate_series(0, $1 - 1) o
      union all
      select 'bench-member-' || o, 'member' || o || '@bench.example', 'Member ' || o, $2, now() from generate_series(0, $1 - 1) o`, [shape.orgs, passwordHash]);
    await q(`insert into "User" (id, email, name, "passwordHash", "staffRole", "updatedAt") values
      ('bench-noc', 'noc@bench.example', 'NOC Engineer', $1, 'NOC', now()),
      ('bench-support', 'support@bench.example', 'Support Agent', $1, 'SUPPORT', now())`, [passwordHash]);
    await q(`insert into "Membership" (id, "userId", "orgId", role)
      select 'bench-m-o-' || o, 'bench-owner-' || o, 'bench-org-' || o, 'OWNER'::"OrgRole" from generate_series(0, $1 - 1) o
      union all
      select 'bench-m-m-' || o, 'bench-member-' || o, 'bench-org-' || o, 'MEMBER'::"OrgRole" from generate_series(0, $1 - 1) o`, [shape.orgs]);
    await q(`insert into "AwsAccount" (id, "orgId", "accountId", name, "roleArn", "externalId", status, "verifiedAt", "updatedAt")
      select 'bench-acct-' || o, 'bench-org-' || o, (200000000000 + o)::text, 'Production',
        'arn:aws:iam::' || (200000000000 + o) || ':role/DxPortalAccess', 'bench-ext-' || o, 'VERIFIED', now(), now()
      from generate_series(0, $1 - 1) o`, [shape.orgs]);

    // Connections: org 0 is the big one. Every 7th is a request waiting for the NOC, every 5th hosted.
    await q(`insert into "Connection" (id, "orgId", "awsAccountId", "requestedById", "requestGroupId", name, type, bandwidth,
        "locationId", region, "portalStatus", "interconnectId", vlan, "awsConnectionId", "awsState", "awsStateChangedAt",
        "loaIssuedAt", "loaExpiresAt", "loaFirstIssuedAt", "portUpAt", "createdAt", "updatedAt")
      select 'bench-con-' || o || '-' || c, 'bench-org-' || o, 'bench-acct-' || o, 'bench-owner-' || o, md5(o || '-' || c),
        'dc' || (1 + c % 4) || '-' || (case when c % 5 = 0 then 'hosted' else 'dedicated' end) || '-' || c,
        (case when c % 5 = 0 then 'HOSTED' else 'DEDICATED' end)::"ConnectionType",
        (case when c % 5 = 0 then '1Gbps' else '10Gbps' end),
        'bench-loc-' || (1 + c % 4), 'us-east-1',
        (case when c % 7 = 0 then 'SUBMITTED' else 'ACTIVE' end)::"PortalStatus",
        (case when c % 5 = 0 and c % 7 <> 0 then 'bench-ic-' || (1 + c % 4) || '-' || (1 + o % 2) end),
        (case when c % 5 = 0 and c % 7 <> 0 then 100 + (o * 13 + c) % 3900 end),
        (case when c % 7 <> 0 then 'dxcon-b' || o || 'x' || c end),
        (case when c % 7 = 0 then null else (array['available','available','available','down','pending','ordering'])[1 + c % 6] end)::"AwsConnectionState",
        (case when c % 7 <> 0 then now() - (c % 90) * interval '1 day' end),
        (case when c % 7 <> 0 and c % 5 <> 0 then now() - (c % 120) * interval '1 day' end),
        (case when c % 7 <> 0 and c % 5 <> 0 then now() - (c % 120) * interval '1 day' + interval '90 days' end),
        (case when c % 7 <> 0 and c % 5 <> 0 then now() - (c % 120) * interval '1 day' end),
        (case when c % 7 <> 0 and c % 6 < 4 then now() - (c % 80) * interval '1 day' end),
        now() - (c * interval '37 minutes') - (o * interval '1 minute'), now()
      from generate_series(0, $1 - 1) o,
        lateral generate_series(1, case when o = 0 then $2::int else $3::int end) c`, [shape.orgs, shape.bigOrgConnections, shape.connectionsPerOrg]);

    // Open cross-connect work orders for dedicated connections still being patched.
    await q(`insert into "CrossConnectOrder" (id, "connectionId", kind, status, "loaExpiresAt", "createdAt", "updatedAt")
      select 'bench-xc-' || c.id, c.id, 'INSTALL', (array['OPEN','PORT_RESERVED','PATCHED'])[1 + (length(c.id) % 3)]::"CrossConnectStatus",
        c."loaExpiresAt", c."createdAt", now()
      from "Connection" c where c.type = 'DEDICATED' and c."awsState" in ('pending', 'ordering')`);

    // One Direct Connect gateway and one virtual private gateway per organisation.
    await q(`insert into "DirectConnectGateway" (id, "orgId", "awsAccountId", name, "amazonSideAsn", "portalStatus", "awsGatewayId", "awsState", "updatedAt")
      select 'bench-dxgw-' || o, 'bench-org-' || o, 'bench-acct-' || o, 'core-' || o, 64512, 'ACTIVE', 'bench-dxgw-aws-' || o, 'available', now()
      from generate_series(0, $1 - 1) o`, [shape.orgs]);
    await q(`insert into "VirtualPrivateGateway" (id, "orgId", "awsAccountId", name, region, "amazonSideAsn", "portalStatus", "awsVpnGatewayId", "awsState", "vpcId", "attachmentState", "updatedAt")
      select 'bench-vgw-' || o, 'bench-org-' || o, 'bench-acct-' || o, 'prod-vpc-' || o, 'us-east-1', 64512, 'ACTIVE', 'vgw-bench' || o, 'available', 'vpc-bench' || o, 'attached', now()
      from generate_series(0, $1 - 1) o`, [shape.orgs]);

    // VIFs on every provisioned connection, each with one BGP peer.
    await q(`insert into "VirtualInterface" (id, "orgId", "connectionId", "awsAccountId", "createdById", name, type, vlan, "addressFamily", asn,
        "amazonSideAsn", "customerAddress", "amazonAddress", mtu, "dxGatewayId", "portalStatus", "awsVirtualInterfaceId", "awsState", "awsStateChangedAt", "createdAt", "updatedAt")
      select replace(c.id, 'bench-con-', 'bench-vif-') || '-' || v, c."orgId", c.id, c."awsAccountId", c."requestedById",
        'vif-' || v || '-' || c.name, 'PRIVATE', 100 + v, 'ipv4', 65000 + v, 64512,
        '169.254.' || (v * 10) || '.1/30', '169.254.' || (v * 10) || '.2/30', 1500, 'bench-dxgw-' || substr(c."orgId", 11),
        'ACTIVE', 'dxvif-' || substr(md5(c.id || v), 1, 8), (array['available','available','down','pending'])[1 + v % 4]::"VifState", now(), c."createdAt", now()
      from "Connection" c, lateral generate_series(1, $1::int + (case when right(c.id, 1) in ('1', '3', '5', '7', '9') then 1 else 0 end)) v
      where c."awsConnectionId" is not null`, [shape.vifsPerConnection]);
    await q(`insert into "BgpPeer" (id, "virtualInterfaceId", "awsBgpPeerId", "addressFamily", asn, "customerAddress", "amazonAddress", state, "bgpStatus", "updatedAt")
      select 'bench-bgp-' || v.id, v.id, 'dxpeer-' || substr(md5(v.id), 1, 8), 'ipv4', v.asn, v."customerAddress", v."amazonAddress", 'available',
        (case when v."awsState" = 'available' then 'up' else 'down' end)::"BgpStatus", now()
      from "VirtualInterface" v`);

    // Timelines: AWS state changes and portal steps on every connection, a long one on one
    // connection, a few on every VIF and a long one on one VIF.
    const eventRow = (subjectType: string, subjectId: string, connectionId: string, n: string) => `
      ${subjectType}, ${subjectId}, ${connectionId},
      (case when ${n} % 3 = 0 then 'PORTAL' else 'AWS' end)::"EventSource",
      (case when ${n} % 3 = 0 then 'USER' else 'AWS' end)::"ActorType",
      (case when ${n} % 3 = 0 then 'Owner' else 'AWS' end),
      (case when ${n} % 3 = 0 then 'connection.note' else 'connection.awsState' end),
      (case when ${n} % 3 = 0 then null else (array['pending','available','down'])[1 + ${n} % 3] end),
      (case when ${n} % 3 = 0 then null else (array['available','down','pending'])[1 + ${n} % 3] end),
      (case when ${n} % 3 = 0 then 'Note from the tenant, number ' || ${n} else 'AWS reported the port ' || (array['available','down','pending'])[1 + ${n} % 3] end)`;
    const insertEvents = `insert into "Event" ("orgId", "occurredAt", "subjectType", "subjectId", "connectionId", source, "actorType", "actorLabel", kind, "fromState", "toState", message)`;
    await q(`${insertEvents}
      select c."orgId", c."createdAt" + g * interval '11 minutes', ${eventRow(`'CONNECTION'::"SubjectType"`, 'c.id', 'c.id', 'g')}
      from "Connection" c, lateral generate_series(1, case when c.id = $1 then $2::int else $3::int end) g`, [
      scaleIds.heavyConnection,
      shape.heavyConnectionEvents,
      shape.eventsPerConnection,
    ]);
    await q(`${insertEvents}
      select v."orgId", v."createdAt" + g * interval '13 minutes', ${eventRow(`'VIRTUAL_INTERFACE'::"SubjectType"`, 'v.id', 'v."connectionId"', 'g')}
      from "VirtualInterface" v, lateral generate_series(1, case when v.id = $1 then $2::int else 2 end) g`, [scaleIds.heavyVif, shape.heavyVifEvents]);

    // Reminders for the dashboards and the NOC.
    await q(`insert into "Notification" (id, "orgId", audience, "subjectType", "subjectId", kind, message, "dueAt", "dedupeKey")
      select 'bench-n-' || c.id, c."orgId", 'ORG', 'CONNECTION', c.id, 'loa.expiring', 'The LOA-CFA for ' || c.name || ' expires soon', c."loaExpiresAt", 'bench-loa-' || c.id
      from "Connection" c where c."loaExpiresAt" between now() and now() + interval '14 days'`);
    await q('commit');
  } catch (error) {
    await q('rollback').catch(() => undefined);
    await client.end();
    throw error;
  }
  await q('analyze');
  const counts = await q(`select (select count(*) from "Organisation")::int as organisations, (select count(*) from "Connection")::int as connections,
    (select count(*) from "VirtualInterface")::int as "virtualInterfaces", (select count(*) from "Event")::int as events`);
  await client.end();
  return counts.rows[0] as ScaleCounts;
}
