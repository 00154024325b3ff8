import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApiToken } from '../api-tokens/tokens';
import { seedActor } from '../test/actors';
import { testDb } from '../test/db';
import { apiHandler } from './route';

const register = apiHandler('registerAwsAccount');
const noParams = { params: Promise.resolve({}) };

function post(token: string, body: string, key: string) {
  return register(new Request('http://localhost/api/v1/aws-accounts', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key }, body }), noParams);
}

describe('API v1 Idempotency-Key', () => {
  it('replays the first answer, and never runs a request again whose first run may have taken effect', async () => {
    const owner = await seedActor(testDb(), 'CUSTOMER_OWNER');
    if (owner.kind !== 'customer') throw new Error('expected a customer');
    const { id: tokenId, token } = await createApiToken(owner, { name: 'ci-deploy', scope: 'WRITE', expiresInDays: 30 });
    const accounts = () => testDb().awsAccount.count({ where: { orgId: owner.orgId } });

    const body = JSON.stringify({ accountId: '4444-5555-6666', name: 'Staging' });
    const key = randomUUID();
    const first = await post(token, body, key);
    expect(first.status).toBe(201);
    const again = await post(token, body, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await accounts()).toBe(1);

    // Another request under a key whose first run is still going: wait.
    const other = JSON.stringify({ accountId: '777788889999', name: 'Prod' });
    const hash = createHash('sha256').update(other).digest('hex');
    const expiresAt = new Date(Date.now() + 86_400_000);
    const running = randomUUID();
    await testDb().apiIdempotencyKey.create({ data: { tokenId, key: running, operation: 'POST /api/v1/aws-accounts', bodyHash: hash, expiresAt } });
    const busy = await post(token, other, running);
    expect(busy.status).toBe(409);
    expect(await busy.json()).toMatchObject({ code: 'idempotency_in_progress' });

    // Its process died ten minutes ago without answering, maybe after the change: still not run again.
    const died = randomUUID();
    await testDb().apiIdempotencyKey.create({ data: { tokenId, key: died, operation: 'POST /api/v1/aws-accounts', bodyHash: hash, expiresAt, createdAt: new Date(Date.now() - 10 * 60_000) } });
    const unknown = await post(token, other, died);
    expect(unknown.status).toBe(409);
    expect(await unknown.json()).toMatchObject({ code: 'idempotency_outcome_unknown', detail: expect.stringContaining('send the request again with a new key') });
    expect(await accounts()).toBe(1);

    // A new key runs it.
    expect((await post(token, other, randomUUID())).status).toBe(201);
    expect(await accounts()).toBe(2);
  });
});
