import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY, readTokenFromHash, takeAccessToken } from './ws-token.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

function environment(hash: string, stored: Record<string, string> = {}) {
  const replaced: string[] = [];
  const storage = memoryStorage(stored);
  return {
    replaced,
    storage,
    env: {
      location: { hash, pathname: '/', search: '?view=fleet' },
      history: {
        state: null,
        replaceState: (_state: unknown, _unused: string, url?: string | URL | null) => void replaced.push(String(url)),
      },
      storage,
    },
  };
}

describe('readTokenFromHash', () => {
  it('reads the token and keeps the other hash parameters', () => {
    expect(readTokenFromHash('#token=abc123&tab=fleet')).toEqual({
      token: 'abc123',
      present: true,
      remainingHash: '#tab=fleet',
    });
  });

  it('leaves an empty hash when the token was the only parameter', () => {
    expect(readTokenFromHash('#token=abc123').remainingHash).toBe('');
  });

  it('rejects a token with characters a WebSocket subprotocol cannot carry, but still reports it for stripping', () => {
    expect(readTokenFromHash('#token=has%20space')).toEqual({ token: null, present: true, remainingHash: '' });
  });

  it('reports no token when the hash has none', () => {
    expect(readTokenFromHash('#tab=fleet')).toEqual({ token: null, present: false, remainingHash: '#tab=fleet' });
  });
});

describe('takeAccessToken', () => {
  it('keeps a token from the hash in session storage and removes it from the visible URL', () => {
    const { env, replaced, storage } = environment('#token=s3cret');
    expect(takeAccessToken(env)).toBe('s3cret');
    expect(storage.items.get(TOKEN_STORAGE_KEY)).toBe('s3cret');
    expect(replaced).toEqual(['/?view=fleet']);
  });

  it('falls back to the token this tab kept when the hash has none (a reload)', () => {
    const { env, replaced } = environment('', { [TOKEN_STORAGE_KEY]: 'kept' });
    expect(takeAccessToken(env)).toBe('kept');
    expect(replaced).toEqual([]);
  });

  it('prefers a new token in the hash over the kept one', () => {
    const { env, storage } = environment('#token=fresh', { [TOKEN_STORAGE_KEY]: 'old' });
    expect(takeAccessToken(env)).toBe('fresh');
    expect(storage.items.get(TOKEN_STORAGE_KEY)).toBe('fresh');
  });

  it('returns null when there is no token anywhere', () => {
    expect(takeAccessToken(environment('').env)).toBeNull();
  });
});
