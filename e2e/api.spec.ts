import { randomUUID } from 'node:crypto';
import { createApiTokenForTest } from '../lib/test/api-tokens';
import { seedConnection, seedUser, uniqueSuffix } from '../lib/db/seed/factories';
import { actorOf } from '../lib/test/actors';
import { ApiClient } from './api-client';
import { expect, test } from './fixtures';

type Connection = { id: string; name: string; state: string; type: string; bandwidth: string; region: string; locationId: string; awsAccountId: string; resiliency: string; notes: string; awsConnectionId: string | null; loa: { expiresAt: string } | null };
type Problem = { code: string; status: number; detail: string; errors?: Array<{ field: string; message: string }> };

test.describe('public API v1', () => {
  test('a customer makes a token on the account page and drives a connection from request to LOA-CFA with the API alone', async ({ page, customer, request, db }) => {
    const api = await ApiClient.load(request);
    const { account, locations } = await customer();

    // The token: made in the browser, shown once.
    await page.goto('/account#api-tokens');
    await page.getByLabel('Token name').fill('terraform-e2e');
    await page.getByRole('radio', { name: /^Read and write/ }).check();
    await page.getByLabel('Expires after').selectOption({ label: '30 days' });
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByRole('region', { name: 'New API token' });
    await expect(shown).toContainText('it is shown only this once');
    const token = (await shown.getByLabel('API token', { exact: true }).textContent())?.trim() ?? '';
    expect(token).toMatch(/^dxp_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    await page.reload();
    expect(await page.content()).not.toContain(token);
    const tokens = page.getByRole('list', { name: 'Your API tokens' });
    await expect(tokens).toContainText(`${token.slice(0, 20)}_…`);
    await expect(tokens).toContainText('Read and write as Owner');
    await expect(tokens).toContainText('never used');

    const accounts = await api.call('GET', '/aws-accounts', { token });
    expect(accounts.status).toBe(200);
    expect((accounts.body as { items: Array<{ id: string; accountId: string }> }).items).toEqual([expect.objectContaining({ id: account.id, accountId: account.accountId })]);

    // Request: 202, awaiting the NOC, every field returned as sent.
    const sent = { type: 'DEDICATED', name: `api-${uniqueSuffix()}`, awsAccountId: account.id, region: 'us-east-1', locationId: locations.eqdc2.id, bandwidth: '10Gbps', resiliency: 'DEVELOPMENT', notes: 'Cage 4, rack 12' };
    const key = randomUUID();
    const created = await api.call('POST', '/connections', { token, body: sent, headers: { 'idempotency-key': key } });
    expect(created.status).toBe(202);
    const [connection] = (created.body as { connections: Connection[] }).connections;
    expect(connection).toMatchObject({ ...sent, state: 'awaiting_noc', awsConnectionId: null });

    // The same key and body: the first answer again, and still one connection.
    const replay = await api.call('POST', '/connections', { token, body: sent, headers: { 'idempotency-key': key } });
    expect(replay.status).toBe(202);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(created.body);
    const reused = await api.call('POST', '/connections', { token, body: { ...sent, name: `${sent.name}-2` }, headers: { 'idempotency-key': key } });
    expect(reused.status).toBe(422);
    expect((reused.body as Problem).code).toBe('idempotency_key_reused');
    const listed = await api.call('GET', `/connections?q=${sent.name}`, { token });
    expect((listed.body as { items: Connection[] }).items.map((c) => c.id)).toEqual([connection!.id]);

    // The NOC approves through the API too: the request is in its queue, with its connections.
    const nocToken = await createApiTokenForTest(db, actorOf(await seedUser(db, { role: 'NOC' }), 'NOC'), 'WRITE');
    const requestGroupId = (created.body as { requestGroupId: string }).requestGroupId;
    let queued: { requestGroupId: string; connections: Connection[] } | undefined;
    for (let page = 1; !queued; page++) {
      const q = (await api.call('GET', `/noc/requests?page=${page}`, { token: nocToken })).body as { items: Array<{ requestGroupId: string; connections: Connection[] }>; hasMore: boolean };
      queued = q.items.find((i) => i.requestGroupId === requestGroupId);
      if (!queued && !q.hasMore) break;
    }
    expect(queued?.connections.map((c) => c.id)).toEqual([connection!.id]);
    const approved = await api.call('POST', `/noc/requests/${requestGroupId}/approve`, { token: nocToken, body: {}, headers: { 'idempotency-key': randomUUID() } });
    expect(approved.status).toBe(202);
    expect((approved.body as { approved: number; connections: Connection[] }).connections[0]!.state).toBe('awaiting_aws');
    const again = await api.call('POST', `/noc/requests/${requestGroupId}/approve`, { token: nocToken, body: {} });
    expect(again.status).toBe(409);
    expect((again.body as Problem).code).toBe('conflict');
    await expect
      .poll(async () => ((await api.call('GET', `/connections/${connection!.id}`, { token })).body as Connection).state, { timeout: 60_000, intervals: [500] })
      .toBe('awaiting_cross_connect');
    const now = (await api.call('GET', `/connections/${connection!.id}`, { token })).body as Connection;
    expect(now.awsConnectionId).toMatch(/^dxcon-/);
    expect(now.loa?.expiresAt).toBeTruthy();
    expect(now).toMatchObject(sent);

    const loa = await api.call('GET', `/connections/${connection!.id}/loa`, { token });
    expect(loa.status).toBe(200);
    expect(loa.headers['content-type']).toBe('application/pdf');
    expect(loa.raw.subarray(0, 5).toString()).toBe('%PDF-');

    // The reference page lists every endpoint and links to each.
    await page.goto('/api-reference');
    await page.getByRole('navigation', { name: 'Endpoints' }).getByRole('link', { name: 'POST /virtual-interfaces', exact: true }).click();
    await expect(page).toHaveURL(/#createVirtualInterface$/);
    await expect(page.locator('#createVirtualInterface')).toContainText('Create (or allocate to another account) a virtual interface');
    await page.goto('/account#api-tokens');

    // The account page shows it was used; revoked, it stops at once.
    await page.reload();
    await expect(tokens).toContainText('last used');
    await tokens.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('button', { name: 'Revoke token' }).click();
    await expect(tokens).toContainText('Revoked');
    const refused = await api.call('GET', '/connections', { token });
    expect(refused.status).toBe(401);
    expect((refused.body as Problem).code).toBe('token_revoked');
  });

  test('pages with a cursor: no row twice, none left out, the same cost on every page', async ({ request, db, sandbox }) => {
    const api = await ApiClient.load(request);
    const { seedSandboxCustomer } = await import('../lib/test/scenario');
    const s = await seedSandboxCustomer(db, sandbox);
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push((await seedConnection(db, { orgId: s.orgId, awsAccountId: s.account.id, requestedById: s.owner.user.id, locationId: s.locations.eqdc2.id, name: `page-${i}` })).id);
    const token = await createApiTokenForTest(db, actorOf(s.owner, 'CUSTOMER_OWNER'), 'READ');

    const seen: string[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const answer = await api.call('GET', `/connections?limit=10${cursor ? `&cursor=${cursor}` : ''}`, { token });
      expect(answer.status).toBe(200);
      const body = answer.body as { items: Connection[]; nextCursor: string | null };
      sizes.push(body.items.length);
      seen.push(...body.items.map((c) => c.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([10, 10, 3]);
    expect(new Set(seen).size).toBe(23);
    expect([...seen].sort()).toEqual([...ids].sort());
    // Newest first.
    expect(seen[0]).toBe(ids.at(-1));

    const bad = await api.call('GET', '/connections?cursor=not-a-cursor', { token });
    expect(bad.status).toBe(422);
    expect((bad.body as Problem).errors).toEqual([{ field: 'cursor', message: 'That cursor is not one this API made; pass nextCursor from the previous page unchanged.' }]);
    const limit = await api.call('GET', '/connections?limit=500', { token });
    expect(limit.status).toBe(422);
    expect((limit.body as Problem).errors).toEqual([{ field: 'limit', message: 'limit must be 1 to 100.' }]);
  });

  test('every refusal has its status and stable code', async ({ request, db, sandbox }) => {
    const api = await ApiClient.load(request);
    expect(api.compileAll()).toBeGreaterThan(10);
    const { seedSandboxCustomer } = await import('../lib/test/scenario');
    const s = await seedSandboxCustomer(db, sandbox);
    const owner = actorOf(s.owner, 'CUSTOMER_OWNER');
    const write = await createApiTokenForTest(db, owner, 'WRITE');
    const read = await createApiTokenForTest(db, owner, 'READ');
    const member = await createApiTokenForTest(db, actorOf(await seedUser(db, { role: 'CUSTOMER_MEMBER', orgId: s.orgId }), 'CUSTOMER_MEMBER'), 'WRITE');
    const foreign = await createApiTokenForTest(db, actorOf(await seedUser(db, { role: 'CUSTOMER_OWNER' }), 'CUSTOMER_OWNER'), 'WRITE');
    const noc = await createApiTokenForTest(db, actorOf(await seedUser(db, { role: 'NOC' }), 'NOC'), 'WRITE');
    const c = await seedConnection(db, { orgId: s.orgId, awsAccountId: s.account.id, requestedById: s.owner.user.id, locationId: s.locations.eqdc2.id, name: 'refusals-1', awsConnectionId: `dxcon-ref${uniqueSuffix()}`, awsState: 'available' });

    const code = async (method: 'GET' | 'POST', url: string, options: Parameters<ApiClient['call']>[2]) => {
      const a = await api.call(method, url, options);
      return { status: a.status, code: (a.body as Problem | null)?.code, headers: a.headers, body: a.body as Problem };
    };

    const missing = await code('GET', '/connections', {});
    expect(missing).toMatchObject({ status: 401, code: 'token_missing' });
    expect(missing.headers['www-authenticate']).toContain('Bearer');
    expect(await code('GET', '/connections', { headers: { authorization: 'Bearer nope' } })).toMatchObject({ status: 401, code: 'token_malformed' });
    expect(await code('GET', '/connections', { token: `dxp_0123456789abcdef_${'A'.repeat(43)}` })).toMatchObject({ status: 401, code: 'token_unknown' });
    const expired = await createApiTokenForTest(db, owner, 'READ');
    await db.apiToken.updateMany({ where: { lookup: expired.slice(4, 20) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await code('GET', '/connections', { token: expired })).toMatchObject({ status: 401, code: 'token_expired' });

    expect(await code('POST', `/connections/${c.id}/decommission`, { token: read, body: { confirmName: 'refusals-1' } })).toMatchObject({ status: 403, code: 'token_read_only' });
    expect(await code('POST', `/connections/${c.id}/decommission`, { token: member, body: { confirmName: 'refusals-1' } })).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await code('POST', '/connections', { token: noc, body: {} })).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await code('GET', `/connections/${c.id}`, { token: foreign })).toMatchObject({ status: 404, code: 'not_found' });
    expect((await code('GET', `/connections/${c.id}`, { token: noc })).status).toBe(200);
    const support = await createApiTokenForTest(db, actorOf(await seedUser(db, { role: 'SUPPORT' }), 'SUPPORT'), 'WRITE');
    expect(await code('GET', '/noc/requests', { token: write })).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await code('GET', '/noc/requests', { token: support })).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await code('POST', '/noc/requests/rg-none/reject', { token: noc, body: { reason: 'short' } })).toMatchObject({ status: 422, code: 'validation_failed' });
    expect(await code('POST', '/noc/requests/rg-none/reject', { token: noc, body: { reason: 'No ports free at this location.' } })).toMatchObject({ status: 404, code: 'not_found' });

    const invalid = await code('POST', '/connections', { token: write, body: { type: 'DEDICATED', name: 'x', bandwidth: '3Gbps' } });
    expect(invalid).toMatchObject({ status: 422, code: 'validation_failed' });
    expect(invalid.body.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['name', 'awsAccountId', 'region', 'locationId', 'resiliency']));
    expect(invalid.body.errors?.find((e) => e.field === 'name')?.message).toBe('Give the connection a name of at least 3 characters, e.g. "prod-ashburn-1".');
    expect(await code('POST', '/connections', { token: write, rawBody: '{"type":', headers: { 'content-type': 'application/json' } })).toMatchObject({ status: 400, code: 'invalid_json' });
    expect(await code('POST', '/connections', { token: write, rawBody: 'type=DEDICATED', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(await code('POST', `/connections/${c.id}/decommission`, { token: write, body: { confirmName: 'refusals-1' }, headers: { 'idempotency-key': 'has a space' } })).toMatchObject({ status: 422, code: 'idempotency_key_invalid' });
    const wrongName = await code('POST', `/connections/${c.id}/decommission`, { token: write, body: { confirmName: 'not-its-name' } });
    expect(wrongName).toMatchObject({ status: 422, code: 'validation_failed' });
    expect(wrongName.body.errors).toEqual([{ field: 'confirmName', message: "Type the connection's name, refusals-1, to confirm." }]);

    // The rate limit: one token's requests this minute are counted across every web process.
    let limited: Awaited<ReturnType<typeof code>> | undefined;
    for (let i = 0; i < 260 && !limited; i++) {
      const a = await code('GET', '/aws-accounts', { token: read });
      if (a.status === 429) limited = a;
      else expect(a.status).toBe(200);
    }
    expect(limited).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited!.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another token is not affected.
    expect((await code('GET', '/aws-accounts', { token: write })).status).toBe(200);
  });
});
