/**
 * The headless server prints a URL like http://127.0.0.1:5173/#token=abc. The token sits in the hash so it never
 * reaches a server log or a Referer header. We keep it in sessionStorage (survives a reload of this tab, gone when the
 * tab closes, never shared with other tabs) and strip it from the address bar so it is not shoulder-surfed, bookmarked
 * or pasted into a chat along with the URL.
 */
export const TOKEN_STORAGE_KEY = 'rigwise.token';
const TOKEN_PARAM = 'token';

/** RFC 7230 `tchar`: the token travels as a WebSocket subprotocol, and the browser refuses any other character. */
const SUBPROTOCOL_SAFE = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,256}$/;

export function isUsableToken(token: string): boolean {
  return SUBPROTOCOL_SAFE.test(token);
}

export interface HashToken {
  /** The token when the hash carried a usable one, else null. */
  token: string | null;
  /** Whether the hash mentioned a token at all (so it must be stripped even when unusable). */
  present: boolean;
  /** The hash without the token parameter: '' or '#...' with the other parameters kept. */
  remainingHash: string;
}

export function readTokenFromHash(hash: string): HashToken {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const raw = params.get(TOKEN_PARAM);
  if (raw === null) return { token: null, present: false, remainingHash: hash };
  params.delete(TOKEN_PARAM);
  const rest = params.toString();
  return { token: isUsableToken(raw) ? raw : null, present: true, remainingHash: rest === '' ? '' : `#${rest}` };
}

export interface TokenEnvironment {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/** The token for this tab: from the hash on first load (then hidden), else the one this tab kept. */
export function takeAccessToken({ location, history, storage }: TokenEnvironment): string | null {
  const fromHash = readTokenFromHash(location.hash);
  if (fromHash.present) {
    history.replaceState(history.state, '', `${location.pathname}${location.search}${fromHash.remainingHash}`);
  }
  if (fromHash.token !== null) {
    storage.setItem(TOKEN_STORAGE_KEY, fromHash.token);
    return fromHash.token;
  }
  const kept = storage.getItem(TOKEN_STORAGE_KEY);
  return kept !== null && isUsableToken(kept) ? kept : null;
}

export function forgetAccessToken(storage: Pick<Storage, 'removeItem'>): void {
  storage.removeItem(TOKEN_STORAGE_KEY);
}

/**
 * Pasting a fresh link into a tab already on this page changes only the hash, which does not reload the page, so the
 * new token would sit unread. Reload when that happens; the next load takes the token as usual.
 */
export function reloadOnNewToken(win: Pick<Window, 'addEventListener' | 'location'>): void {
  win.addEventListener('hashchange', () => {
    if (readTokenFromHash(win.location.hash).present) win.location.reload();
  });
}
