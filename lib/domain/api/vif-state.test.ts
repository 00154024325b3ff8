import { describe, expect, it } from 'vitest';
import { apiVifState } from './vif-state';

describe('apiVifState', () => {
  it('says whose move it is while the interface is being made', () => {
    expect(apiVifState({ portalStatus: 'CREATING', awsState: null })).toBe('awaiting_aws');
    expect(apiVifState({ portalStatus: 'ACTIVE', awsState: 'pending' })).toBe('awaiting_aws');
    expect(apiVifState({ portalStatus: 'ACTIVE', awsState: 'verifying' })).toBe('awaiting_aws');
    // A hosted VIF waits for the account it was allocated to.
    expect(apiVifState({ portalStatus: 'ACTIVE', awsState: 'confirming' })).toBe('awaiting_owner_confirmation');
  });

  it('reports the settled states as AWS does', () => {
    expect(apiVifState({ portalStatus: 'ACTIVE', awsState: 'available' })).toBe('available');
    expect(apiVifState({ portalStatus: 'ACTIVE', awsState: 'down' })).toBe('down');
    expect(apiVifState({ portalStatus: 'ACTIVE', awsState: 'testing' })).toBe('testing');
    expect(apiVifState({ portalStatus: 'ACTIVE', awsState: 'rejected' })).toBe('rejected');
    expect(apiVifState({ portalStatus: 'ACTIVE', awsState: 'unknown' })).toBe('unknown');
  });

  it('lets the portal status win while deleting or after a failed create', () => {
    expect(apiVifState({ portalStatus: 'DELETING', awsState: 'available' })).toBe('deleting');
    expect(apiVifState({ portalStatus: 'ACTIVE', awsState: 'deleting' })).toBe('deleting');
    expect(apiVifState({ portalStatus: 'DELETED', awsState: 'deleting' })).toBe('deleted');
    expect(apiVifState({ portalStatus: 'ACTIVE', awsState: 'deleted' })).toBe('deleted');
    expect(apiVifState({ portalStatus: 'CREATE_FAILED', awsState: null })).toBe('create_failed');
  });
});
