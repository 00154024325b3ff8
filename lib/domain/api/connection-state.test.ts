import { describe, expect, it } from 'vitest';
import { apiConnectionState, type StateFacts } from './connection-state';

const f = (over: Partial<StateFacts>): StateFacts => ({ type: 'DEDICATED', portalStatus: 'PROVISIONING', awsState: null, crossConnectStatus: null, loaIssued: true, ...over });

describe('the state an API client polls on', () => {
  it('follows a dedicated port from request to available', () => {
    expect(apiConnectionState(f({ portalStatus: 'SUBMITTED' }))).toBe('awaiting_noc');
    expect(apiConnectionState(f({ portalStatus: 'APPROVED' }))).toBe('awaiting_aws');
    expect(apiConnectionState(f({ awsState: 'requested' }))).toBe('awaiting_aws');
    expect(apiConnectionState(f({ awsState: 'pending', loaIssued: false }))).toBe('awaiting_aws'); // AWS has yet to issue the LOA-CFA
    expect(apiConnectionState(f({ awsState: 'pending' }))).toBe('awaiting_cross_connect');
    expect(apiConnectionState(f({ awsState: 'pending', crossConnectStatus: 'PATCHED' }))).toBe('awaiting_cross_connect');
    expect(apiConnectionState(f({ awsState: 'pending', crossConnectStatus: 'COMPLETE' }))).toBe('awaiting_aws');
    expect(apiConnectionState(f({ portalStatus: 'ACTIVE', awsState: 'available' }))).toBe('available');
  });

  it('waits for the customer on a hosted connection, never for a cross-connect', () => {
    expect(apiConnectionState(f({ type: 'HOSTED', awsState: 'ordering' }))).toBe('awaiting_customer_acceptance');
    expect(apiConnectionState(f({ type: 'HOSTED', awsState: 'pending', loaIssued: false }))).toBe('awaiting_aws');
  });

  it('names every end and failure', () => {
    expect(apiConnectionState(f({ portalStatus: 'REJECTED' }))).toBe('rejected');
    expect(apiConnectionState(f({ portalStatus: 'PROVISIONING_FAILED' }))).toBe('provisioning_failed');
    expect(apiConnectionState(f({ portalStatus: 'DECOMMISSIONING', awsState: 'available' }))).toBe('decommissioning');
    expect(apiConnectionState(f({ portalStatus: 'CLOSED', awsState: 'deleted' }))).toBe('deleted');
    expect(apiConnectionState(f({ portalStatus: 'ACTIVE', awsState: 'down' }))).toBe('down');
    expect(apiConnectionState(f({ portalStatus: 'ACTIVE', awsState: 'unknown' }))).toBe('unknown');
  });
});
