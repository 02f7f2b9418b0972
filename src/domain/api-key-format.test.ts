import { describe, expect, it } from 'vitest';
import { apiKeyDisplayPrefix, formatApiKey, parseApiKey } from './api-key-format.js';

const secret = 'A'.repeat(40) + '-_z';
const parts = {
  keyId: '0123456789abcdef',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  secret,
};

describe('API key format', () => {
  it('should read back the tenant, the key id and the secret it was made from', () => {
    const key = formatApiKey(parts);
    expect(key.startsWith(`${apiKeyDisplayPrefix(parts.keyId)}.`)).toBe(true);
    expect(parseApiKey(key)).toEqual(parts);
  });

  it('should refuse to put a tenant id with characters no tenant id has in a key', () => {
    expect(() => formatApiKey({ ...parts, tenantId: 'demo?' })).toThrow();
    expect(() => formatApiKey({ ...parts, tenantId: 'a.b/c' })).toThrow();
    const demo = { ...parts, tenantId: 'demo' };
    expect(parseApiKey(formatApiKey(demo))).toEqual(demo);
  });

  it('should refuse malformed keys without throwing', () => {
    const key = formatApiKey(parts);
    const [scheme, keyId, tenant, keySecret] = key.split('.') as [string, string, string, string];
    for (const bad of [
      '',
      'lmk',
      key.replace(/^lmk/, 'xyz'),
      `${scheme}.${keyId}.${tenant}`,
      `${scheme}.${keyId}.${tenant}.${keySecret}.extra`,
      `${scheme}.${keyId.toUpperCase()}.${tenant}.${keySecret}`,
      `${scheme}.${keyId}.${tenant}.${keySecret.slice(0, 20)}`,
      `${scheme}.${keyId}.${tenant}=.${keySecret}`,
      `${scheme}.${keyId}.${Buffer.from('bad tenant').toString('base64url')}.${keySecret}`,
      `${key}${'x'.repeat(500)}`,
    ]) {
      expect(parseApiKey(bad), bad).toBeUndefined();
    }
  });

  it('should refuse a tenant part that is not the canonical spelling', () => {
    const key = formatApiKey({ ...parts, tenantId: 'demo' });
    // "ZGVtbw" is "demo"; "ZGVtbx" decodes to the same bytes but is not how it is written.
    expect(key.split('.')[2]).toBe('ZGVtbw');
    expect(parseApiKey(key.replace('.ZGVtbw.', '.ZGVtbx.'))).toBeUndefined();
  });
});
