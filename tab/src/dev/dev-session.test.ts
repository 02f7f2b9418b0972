import { describe, expect, it } from 'vitest';
import {
  defaultDevUser,
  devIdentityHeaders,
  readDevUser,
  readThemePreference,
  rosterSearchPath,
  writeDevUser,
  writeThemePreference,
  type KeyValueStore,
} from './dev-session.js';

function memoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, value);
    },
  };
}

const brokenStore: KeyValueStore = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('dev session', () => {
  it('should act as the demo champion until someone else is picked', () => {
    const store = memoryStore();
    expect(readDevUser(store)).toBe(defaultDevUser);

    writeDevUser(store, 'member@demo.example');

    expect(readDevUser(store)).toBe('member@demo.example');
  });

  it('should keep working when the browser refuses storage', () => {
    expect(readDevUser(brokenStore)).toBe(defaultDevUser);
    expect(readThemePreference(brokenStore)).toBe('system');
    expect(() => writeDevUser(brokenStore, 'lead@demo.example')).not.toThrow();
    expect(readDevUser(undefined)).toBe(defaultDevUser);
  });

  it('should remember a theme and ignore an unknown stored value', () => {
    const store = memoryStore();
    writeThemePreference(store, 'contrast');
    expect(readThemePreference(store)).toBe('contrast');

    store.setItem('lastmile.theme', 'neon');
    expect(readThemePreference(store)).toBe('system');
  });

  it('should name the demo tenant and the user in the dev headers', () => {
    expect(devIdentityHeaders('lead@demo.example')).toEqual({
      'x-dev-tenant': 'demo',
      'x-dev-user': 'lead@demo.example',
    });
  });

  it('should build the roster search path with the query encoded', () => {
    expect(rosterSearchPath('')).toBe('/api/dev/roster?limit=20');
    expect(rosterSearchPath(' ann & co ')).toBe('/api/dev/roster?q=ann+%26+co&limit=20');
  });
});
