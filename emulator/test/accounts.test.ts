import {
  CreateConnectionCommand,
  CreateDirectConnectGatewayCommand,
  DeleteConnectionCommand,
  DescribeConnectionsCommand,
  DescribeLocationsCommand,
  TagResourceCommand,
  UpdateConnectionCommand,
} from '@aws-sdk/client-direct-connect';
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { type Creds, CUSTOMER2, CUSTOMER3, expectAwsError, PROVIDER, useSandbox } from './helpers.js';

const t = useSandbox();
const ROLE2 = 'arn:aws:iam::222222222222:role/DxPortalAccess';

async function assume(roleArn = ROLE2, externalId = 'demo-external-id-222222222222', caller: Creds = PROVIDER, extra: Record<string, unknown> = {}): Promise<Creds> {
  const res = await t.sts(caller).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'dx-portal', ExternalId: externalId, ...extra }));
  return { accessKeyId: res.Credentials?.AccessKeyId ?? '', secretAccessKey: res.Credentials?.SecretAccessKey ?? '', sessionToken: res.Credentials?.SessionToken ?? '' };
}

describe('STS', () => {
  it('GetCallerIdentity for permanent keys', async () => {
    const id = await t.sts(PROVIDER).send(new GetCallerIdentityCommand({}));
    expect(id).toMatchObject({ Account: PROVIDER.accountId, Arn: 'arn:aws:iam::111111111111:user/dx-portal' });
    expect(id.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect((await t.sts(CUSTOMER3).send(new GetCallerIdentityCommand({}))).Account).toBe(CUSTOMER3.accountId);
  });

  it('AssumeRole returns temporary credentials that act as the target account', async () => {
    const res = await t.sts(PROVIDER).send(new AssumeRoleCommand({ RoleArn: ROLE2, RoleSessionName: 'sync-job', ExternalId: 'demo-external-id-222222222222', DurationSeconds: 900 }));
    expect(res.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(res.Credentials?.SecretAccessKey).toHaveLength(40);
    expect(res.Credentials?.SessionToken?.length).toBeGreaterThan(100);
    expect(res.Credentials?.Expiration).toBeInstanceOf(Date);
    expect(res.AssumedRoleUser?.Arn).toBe('arn:aws:sts::222222222222:assumed-role/DxPortalAccess/sync-job');
    expect(res.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:sync-job$/);
    const temp = { accessKeyId: res.Credentials?.AccessKeyId ?? '', secretAccessKey: res.Credentials?.SecretAccessKey ?? '', sessionToken: res.Credentials?.SessionToken ?? '' };
    const who = await t.sts(temp).send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({ Account: '222222222222', Arn: 'arn:aws:sts::222222222222:assumed-role/DxPortalAccess/sync-job', UserId: res.AssumedRoleUser?.AssumedRoleId });
    const created = await t.dx(temp).send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '1Gbps', connectionName: 'via-role' }));
    expect(created.ownerAccount).toBe('222222222222');
    const seenByOwner = await t.dx(CUSTOMER2).send(new DescribeConnectionsCommand({ connectionId: created.connectionId }));
    expect(seenByOwner.connections?.[0]?.connectionName).toBe('via-role');
    const vpcs = await t.ec2(temp).send(new DescribeVpcsCommand({}));
    expect(vpcs.Vpcs?.[0]?.OwnerId).toBe('222222222222');
  });

  it('denies a wrong or missing external id, an unknown role and an untrusted caller', async () => {
    const denied = (caller: Creds, arn: string, externalId?: string) =>
      expectAwsError(
        t.sts(caller).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'x1', ...(externalId ? { ExternalId: externalId } : {}) })),
        'AccessDenied',
        `User: ${caller === PROVIDER ? 'arn:aws:iam::111111111111:user/dx-portal' : 'arn:aws:iam::333333333333:user/sandbox-admin'} is not authorized to perform: sts:AssumeRole on resource: ${arn}`,
      );
    await denied(PROVIDER, ROLE2, 'wrong-external-id');
    await denied(PROVIDER, ROLE2);
    await denied(PROVIDER, 'arn:aws:iam::222222222222:role/NoSuchRole', 'demo-external-id-222222222222');
    await denied(PROVIDER, 'arn:aws:iam::999999999999:role/DxPortalAccess', 'demo-external-id-222222222222');
    await denied(CUSTOMER3, ROLE2, 'demo-external-id-222222222222');
    const err = await expectAwsError(t.sts(PROVIDER).send(new AssumeRoleCommand({ RoleArn: ROLE2, RoleSessionName: 'x1', ExternalId: 'nope-nope' })), 'AccessDenied');
    expect(err.$metadata?.httpStatusCode).toBe(403);
  });

  it('validates the request', async () => {
    const sts = t.sts(PROVIDER);
    await expectAwsError(sts.send(new AssumeRoleCommand({ RoleArn: ROLE2, RoleSessionName: 'bad name!', ExternalId: 'demo-external-id-222222222222' })), 'ValidationError', /roleSessionName/);
    await expectAwsError(sts.send(new AssumeRoleCommand({ RoleArn: ROLE2, RoleSessionName: 'ok', ExternalId: 'demo-external-id-222222222222', DurationSeconds: 600 })), 'ValidationError', /durationSeconds/);
    await expectAwsError(sts.send(new AssumeRoleCommand({ RoleArn: ROLE2, RoleSessionName: 'ok', ExternalId: 'demo-external-id-222222222222', DurationSeconds: 7200 })), 'ValidationError', /MaxSessionDuration/);
    await expectAwsError(sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:s3:::bucket/not-a-role', RoleSessionName: 'ok' })), 'ValidationError', /is invalid/);
    await expectAwsError(sts.send(new AssumeRoleCommand({ RoleArn: '', RoleSessionName: 'ok' })), 'ValidationError', /roleArn/);
  });

  it('expired temporary credentials are refused by every service; a wrong session token too', async () => {
    const temp = await assume(ROLE2, 'demo-external-id-222222222222', PROVIDER, { DurationSeconds: 900 });
    expect((await t.sts(temp).send(new GetCallerIdentityCommand({}))).Account).toBe('222222222222');
    await expectAwsError(t.dx({ ...temp, sessionToken: 'tampered' }).send(new DescribeLocationsCommand({})), 'UnrecognizedClientException');
    await expectAwsError(t.dx({ accessKeyId: temp.accessKeyId, secretAccessKey: temp.secretAccessKey }).send(new DescribeLocationsCommand({})), 'UnrecognizedClientException');
    await t.advance(901);
    await expectAwsError(t.dx(temp, 'us-east-1', 1).send(new DescribeLocationsCommand({})), 'ExpiredTokenException');
    await expectAwsError(t.ec2(temp, 'us-east-1', 1).send(new DescribeVpcsCommand({})), 'RequestExpired');
    await expectAwsError(t.sts(temp, 'us-east-1', 1).send(new GetCallerIdentityCommand({})), 'ExpiredToken');
  });
});

describe('control API: accounts and roles', () => {
  it('creates an account (idempotent) with seeded VPCs and credentials that work', async () => {
    const first = await t.control('POST', '/accounts', { accountId: '777777777777', name: 'New Customer', regions: ['us-east-1', 'eu-central-1'] });
    expect(first.status).toBe(201);
    const creds = first.body as { accountId: string; accessKeyId: string; secretAccessKey: string; name: string };
    expect(creds).toMatchObject({ accountId: '777777777777', name: 'New Customer' });
    expect(creds.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    const again = await t.control('POST', '/accounts', { accountId: '777777777777' });
    expect(again.status).toBe(200);
    expect((again.body as typeof creds).accessKeyId).toBe(creds.accessKeyId);
    const vpcs = await t.ec2(creds, 'eu-central-1').send(new DescribeVpcsCommand({}));
    expect(vpcs.Vpcs).toHaveLength(2);
    expect((await t.sts(creds).send(new GetCallerIdentityCommand({}))).Account).toBe('777777777777');
    const fixed = await t.control('POST', '/accounts', { accountId: '888888888888', accessKeyId: 'AKIAFIXEDKEYFORTEST1', secretAccessKey: 'fixed-secret-for-tests-0000000000000000' });
    expect(fixed.body).toMatchObject({ accessKeyId: 'AKIAFIXEDKEYFORTEST1' });
    expect((await t.control('POST', '/accounts', { accountId: '999999999998', accessKeyId: 'AKIAFIXEDKEYFORTEST1' })).status).toBe(409);
    expect((await t.control('POST', '/accounts', { accountId: 'abc' })).status).toBe(400);
  });

  it('creates, updates and deletes IAM roles that AssumeRole honours', async () => {
    await t.control('POST', '/accounts', { accountId: '121212121212', regions: [] });
    const role = 'arn:aws:iam::121212121212:role/PortalRole';
    await expectAwsError(t.sts(PROVIDER).send(new AssumeRoleCommand({ RoleArn: role, RoleSessionName: 's1', ExternalId: 'ext-1' })), 'AccessDenied');
    expect(await t.control('PUT', '/accounts/121212121212/roles/PortalRole', { trustedAccountId: PROVIDER.accountId, externalId: 'ext-1' })).toEqual({
      status: 200,
      body: { roleArn: role, trustedAccountId: PROVIDER.accountId },
    });
    expect((await assume(role, 'ext-1')).accessKeyId).toMatch(/^ASIA/);
    await t.control('PUT', '/accounts/121212121212/roles/PortalRole', { trustedAccountId: PROVIDER.accountId, externalId: 'ext-2' });
    await expectAwsError(t.sts(PROVIDER).send(new AssumeRoleCommand({ RoleArn: role, RoleSessionName: 's1', ExternalId: 'ext-1' })), 'AccessDenied');
    expect((await assume(role, 'ext-2')).accessKeyId).toMatch(/^ASIA/);
    expect((await t.control('DELETE', '/accounts/121212121212/roles/PortalRole')).status).toBe(200);
    expect((await t.control('DELETE', '/accounts/121212121212/roles/PortalRole')).status).toBe(404);
    await expectAwsError(t.sts(PROVIDER).send(new AssumeRoleCommand({ RoleArn: role, RoleSessionName: 's1', ExternalId: 'ext-2' })), 'AccessDenied');
    expect((await t.control('PUT', '/accounts/000000000001/roles/X', { trustedAccountId: PROVIDER.accountId, externalId: 'ext' })).status).toBe(404);
    expect((await t.control('PUT', '/accounts/121212121212/roles/X', { trustedAccountId: 'nope' })).status).toBe(400);
  });
});

describe('tenancy: a customer cannot see or change another account’s resources', () => {
  it('connections, gateways and tags are invisible across accounts', async () => {
    const mine = await t.dx(CUSTOMER2).send(new CreateConnectionCommand({ location: 'EqDC2', bandwidth: '1Gbps', connectionName: 'mine' }));
    const id = mine.connectionId ?? '';
    const other = t.dx(CUSTOMER3);
    expect((await other.send(new DescribeConnectionsCommand({}))).connections?.map((c) => c.connectionId)).not.toContain(id);
    await expectAwsError(other.send(new DescribeConnectionsCommand({ connectionId: id })), 'DirectConnectClientException', `Could not find Connection with ID ${id}`);
    await expectAwsError(other.send(new UpdateConnectionCommand({ connectionId: id, connectionName: 'stolen' })), 'DirectConnectClientException', /Could not find Connection/);
    await expectAwsError(other.send(new DeleteConnectionCommand({ connectionId: id })), 'DirectConnectClientException', /Could not find Connection/);
    await expectAwsError(
      other.send(new TagResourceCommand({ resourceArn: `arn:aws:directconnect:us-east-1:222222222222:dxcon/${id}`, tags: [{ key: 'x' }] })),
      'DirectConnectClientException',
      /does not exist/,
    );
    const gw = await t.dx(CUSTOMER2).send(new CreateDirectConnectGatewayCommand({ directConnectGatewayName: 'g' }));
    await expectAwsError(
      other.send(new TagResourceCommand({ resourceArn: `arn:aws:directconnect::222222222222:dx-gateway/${gw.directConnectGateway?.directConnectGatewayId}`, tags: [{ key: 'x' }] })),
      'DirectConnectClientException',
      /does not exist/,
    );
    expect((await t.dx(CUSTOMER2).send(new DescribeConnectionsCommand({ connectionId: id }))).connections?.[0]?.connectionName).toBe('mine');
    expect((await t.dx(CUSTOMER2, 'eu-central-1').send(new DescribeConnectionsCommand({}))).connections?.map((c) => c.connectionId)).not.toContain(id);
  });
});
