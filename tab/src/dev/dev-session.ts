import { devTenantHeader, devUserHeader } from '../../../src/contracts/identity.js';
import { isThemePreference, type ThemePreference } from '../theme/theme-name.js';

/** The demo tenant the server seeds in local mode. */
export const demoTenantId = 'demo';
export const defaultDevUser = 'champion@demo.example';

const devUserKey = 'lastmile.dev.user';
const themePreferenceKey = 'lastmile.theme';

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** localStorage, or nothing where the browser refuses it (private modes, blocked storage). */
export function browserStore(): KeyValueStore | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function read(store: KeyValueStore | undefined, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(store: KeyValueStore | undefined, key: string, value: string): void {
  try {
    store?.setItem(key, value);
  } catch {
    // A full or blocked store only costs the preference on the next visit.
  }
}

export function readDevUser(store: KeyValueStore | undefined): string {
  const stored = read(store, devUserKey)?.trim();
  return stored ? stored : defaultDevUser;
}

export function writeDevUser(store: KeyValueStore | undefined, upn: string): void {
  write(store, devUserKey, upn);
}

export function readThemePreference(store: KeyValueStore | undefined): ThemePreference {
  const stored = read(store, themePreferenceKey);
  return isThemePreference(stored) ? stored : 'system';
}

export function writeThemePreference(
  store: KeyValueStore | undefined,
  preference: ThemePreference,
): void {
  write(store, themePreferenceKey, preference);
}

/** The headers that name the caller to a server in dev identity mode. */
export function devIdentityHeaders(upn: string): Readonly<Record<string, string>> {
  return { [devTenantHeader]: demoTenantId, [devUserHeader]: upn };
}

export function rosterSearchPath(query: string, limit = 20): string {
  const params = new URLSearchParams();
  const q = query.trim();
  if (q !== '') params.set('q', q);
  params.set('limit', String(limit));
  return `/api/dev/roster?${params.toString()}`;
}
