import { describe, expect, it } from 'vitest';
import { demoMember, teamsMessage } from '../tests/support/bot-framework.js';
import { identityFromActivity } from './activity-identity.js';

describe('identityFromActivity', () => {
  it('should take the tenant from channelData and the user from aadObjectId', () => {
    const activity = teamsMessage('help', { serviceUrl: 'http://127.0.0.1:1/', tenantId: 'demo' });
    expect(identityFromActivity(activity)).toEqual({
      tenantId: 'demo',
      userId: demoMember.aadObjectId,
      name: demoMember.name,
    });
  });

  it('should fall back to conversation.tenantId when channelData has no tenant', () => {
    expect(
      identityFromActivity({
        conversation: { tenantId: 'contoso' },
        from: { aadObjectId: 'user-1' },
      }),
    ).toEqual({ tenantId: 'contoso', userId: 'user-1' });
  });

  it('should prefer channelData.tenant.id over conversation.tenantId', () => {
    expect(
      identityFromActivity({
        channelData: { tenant: { id: 'from-channel-data' } },
        conversation: { tenantId: 'from-conversation' },
        from: { aadObjectId: 'user-1' },
      })?.tenantId,
    ).toBe('from-channel-data');
  });

  it('should return undefined when the user has no Entra object id', () => {
    expect(
      identityFromActivity({
        channelData: { tenant: { id: 'demo' } },
        from: { name: 'Emulator user' },
      }),
    ).toBeUndefined();
  });

  it('should return undefined when no tenant is given', () => {
    expect(
      identityFromActivity({ channelData: {}, from: { aadObjectId: 'user-1' } }),
    ).toBeUndefined();
    expect(identityFromActivity({ from: { aadObjectId: 'user-1' } })).toBeUndefined();
  });

  it('should ignore values of the wrong type or blank strings', () => {
    expect(
      identityFromActivity({
        channelData: { tenant: { id: 42 } },
        conversation: { tenantId: '  ' },
        from: { aadObjectId: 'user-1' },
      }),
    ).toBeUndefined();
    expect(
      identityFromActivity({
        channelData: { tenant: 'demo' },
        from: { aadObjectId: { id: 'x' } as unknown as string },
      }),
    ).toBeUndefined();
  });

  it('should trim the values and leave out a blank name', () => {
    expect(
      identityFromActivity({
        channelData: { tenant: { id: ' demo ' } },
        from: { aadObjectId: ' user-1 ', name: '   ' },
      }),
    ).toEqual({ tenantId: 'demo', userId: 'user-1' });
  });
});
