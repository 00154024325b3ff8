import { DescribeLocationsCommand } from '@aws-sdk/client-direct-connect';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../auth/sigv4.js';
import { CUSTOMER2, expectAwsError, useSandbox } from './helpers.js';

const t = useSandbox();

type Raw = { status: number; body: string; headers: Headers };

async function send(opts: { body: string; headers: Record<string, string>; service?: string; sign?: boolean; secret?: string; accessKeyId?: string; date?: Date }): Promise<Raw> {
  const host = new URL(t.url).host;
  const headers = opts.sign === false
    ? { ...opts.headers }
    : signRequest({
        method: 'POST',
        host,
        headers: opts.headers,
        body: opts.body,
        accessKeyId: opts.accessKeyId ?? CUSTOMER2.accessKeyId,
        secretAccessKey: opts.secret ?? CUSTOMER2.secretAccessKey,
        region: 'us-east-1',
        service: opts.service ?? 'directconnect',
        ...(opts.date ? { date: opts.date } : {}),
      });
  delete (headers as Record<string, string>)['host'];
  const res = await fetch(`${t.url}/`, { method: 'POST', headers, body: opts.body });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

const dxHeaders = (op: string) => ({ 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `OvertureService.${op}` });
const form = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

describe('Direct Connect JSON 1.1 protocol', () => {
  it('answers a signed request with JSON and an x-amzn-RequestId', async () => {
    const res = await send({ body: '{}', headers: dxHeaders('DescribeLocations') });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(res.body)).toHaveProperty('locations');
  });

  it('rejects an unknown operation with UnknownOperationException (400)', async () => {
    const res = await send({ body: '{}', headers: dxHeaders('CreateLag') });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ __type: 'UnknownOperationException' });
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
  });

  it('rejects a request without Authorization (MissingAuthenticationTokenException 403)', async () => {
    const res = await send({ body: '{}', headers: dxHeaders('DescribeLocations'), sign: false });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ __type: 'MissingAuthenticationTokenException' });
  });

  it('rejects an incomplete Authorization header', async () => {
    const res = await send({ body: '{}', headers: { ...dxHeaders('DescribeLocations'), authorization: 'AWS4-HMAC-SHA256 Credential=AKIASANDBOXCUSTOMER2/20250101/us-east-1/directconnect/aws4_request' }, sign: false });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ __type: 'IncompleteSignatureException' });
  });

  it('rejects a bad signature (InvalidSignatureException)', async () => {
    const res = await send({ body: '{}', headers: dxHeaders('DescribeLocations'), secret: 'wrong-secret-key-000000000000000000000' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ __type: 'InvalidSignatureException' });
  });

  it('rejects a body altered after signing (payload hash is part of the signature)', async () => {
    const host = new URL(t.url).host;
    const headers = signRequest({ method: 'POST', host, headers: dxHeaders('DescribeConnections'), body: '{}', ...CUSTOMER2, region: 'us-east-1', service: 'directconnect' });
    delete (headers as Record<string, string>)['host'];
    const res = await fetch(`${t.url}/`, { method: 'POST', headers, body: '{"connectionId":"dxcon-x"}' });
    expect(res.status).toBe(403);
    expect(JSON.parse(await res.text())).toMatchObject({ __type: 'InvalidSignatureException' });
  });

  it('rejects a signature older than 15 minutes', async () => {
    const res = await send({ body: '{}', headers: dxHeaders('DescribeLocations'), date: new Date(Date.now() - 20 * 60_000) });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).message).toMatch(/Signature expired/);
  });

  it('rejects an unknown access key (UnrecognizedClientException)', async () => {
    const res = await send({ body: '{}', headers: dxHeaders('DescribeLocations'), accessKeyId: 'AKIAUNKNOWNKEY000000' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ __type: 'UnrecognizedClientException' });
  });

  it('rejects credentials scoped to another service', async () => {
    const res = await send({ body: '{}', headers: dxHeaders('DescribeLocations'), service: 'ec2' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).message).toMatch(/scoped to correct service: 'directconnect'/);
  });

  it('rejects a body that is not JSON', async () => {
    const res = await send({ body: 'not json', headers: dxHeaders('DescribeLocations') });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ __type: 'SerializationException' });
  });

  it('maps the SDK error for a bad secret', async () => {
    const dx = t.dx({ accessKeyId: CUSTOMER2.accessKeyId, secretAccessKey: 'bad-secret-0000000000000000000000000000' });
    await expectAwsError(dx.send(new DescribeLocationsCommand({})), 'InvalidSignatureException');
  });
});

describe('EC2 and STS query protocols', () => {
  it('EC2: unknown action → InvalidAction XML error', async () => {
    const res = await send({ body: 'Action=RunInstances&Version=2016-11-15', headers: form, service: 'ec2' });
    expect(res.status).toBe(400);
    expect(res.body).toContain('<Code>InvalidAction</Code>');
    expect(res.body).toContain('The action RunInstances is not valid for this web service.');
    expect(res.body).toContain('<RequestID>');
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
  });

  it('EC2: missing authentication', async () => {
    const res = await send({ body: 'Action=DescribeVpcs&Version=2016-11-15', headers: form, sign: false });
    expect(res.status).toBe(403);
    expect(res.body).toContain('<Code>MissingAuthenticationToken</Code>');
  });

  it('EC2: unknown key → AuthFailure; bad signature → SignatureDoesNotMatch', async () => {
    const unknown = await send({ body: 'Action=DescribeVpcs&Version=2016-11-15', headers: form, service: 'ec2', accessKeyId: 'AKIAUNKNOWNKEY000000' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toContain('<Code>AuthFailure</Code>');
    const bad = await send({ body: 'Action=DescribeVpcs&Version=2016-11-15', headers: form, service: 'ec2', secret: 'nope-nope-nope-nope-nope' });
    expect(bad.status).toBe(403);
    expect(bad.body).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('EC2: response XML uses the 2016-11-15 namespace and carries requestId', async () => {
    const res = await send({ body: 'Action=DescribeVpcs&Version=2016-11-15', headers: form, service: 'ec2' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<DescribeVpcsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>');
  });

  it('EC2: a signed GET with the parameters in the query string works too', async () => {
    const host = new URL(t.url).host;
    const query = 'Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=tag%3AName&Filter.1.Value.1=prod-%2A';
    const headers = signRequest({ method: 'GET', host, query, headers: {}, body: '', ...CUSTOMER2, region: 'us-east-1', service: 'ec2' });
    delete (headers as Record<string, string>)['host'];
    const res = await fetch(`${t.url}/?${query}`, { headers });
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(body.match(/<vpcId>/g)).toHaveLength(1);
    const tampered = await fetch(`${t.url}/?${query.replace('prod', 'staging')}`, { headers });
    expect(tampered.status).toBe(403);
  });

  it('STS: unknown action → InvalidAction in an ErrorResponse', async () => {
    const res = await send({ body: 'Action=GetSessionToken&Version=2011-06-15', headers: form, service: 'sts' });
    expect(res.status).toBe(400);
    expect(res.body).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(res.body).toContain('<Code>InvalidAction</Code>');
    expect(res.body).toContain('<Type>Sender</Type>');
  });

  it('STS: unknown key → InvalidClientTokenId; missing auth → MissingAuthenticationToken', async () => {
    const unknown = await send({ body: 'Action=GetCallerIdentity&Version=2011-06-15', headers: form, service: 'sts', accessKeyId: 'AKIAUNKNOWNKEY000000' });
    expect(unknown.status).toBe(403);
    expect(unknown.body).toContain('<Code>InvalidClientTokenId</Code>');
    const missing = await send({ body: 'Action=GetCallerIdentity&Version=2011-06-15', headers: form, sign: false });
    expect(missing.status).toBe(403);
    expect(missing.body).toContain('<Code>MissingAuthenticationToken</Code>');
  });

  it('answers an undeterminable request with a JSON UnknownOperationException', async () => {
    const res = await send({ body: 'hello', headers: { 'content-type': 'text/plain' }, sign: false });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ __type: 'UnknownOperationException' });
  });
});

describe('control API basics', () => {
  it('health, unknown routes, invalid JSON', async () => {
    expect(await t.control('GET', '/health')).toEqual({ status: 200, body: { ok: true } });
    expect((await t.control('GET', '/nope')).status).toBe(404);
    const res = await fetch(`${t.url}/_sandbox/faults`, { method: 'POST', body: '{oops' });
    expect(res.status).toBe(400);
  });

  it('state dump redacts secrets', async () => {
    const res = await t.control('GET', '/state');
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(CUSTOMER2.secretAccessKey);
    expect(text).toContain('"secretAccessKey":"***"');
  });
});
