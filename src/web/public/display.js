// @ts-check
// A wall screen's display token (大屏令牌). The admin's link `/#display=<token>` signs the war
// room in without a user: the page takes the token from the address (the fragment never reaches
// the server or its logs), keeps it for this tab in sessionStorage, removes it from the address
// bar at once, and the API client (api.js) sends it as a bearer token. The token reads the
// board only; the server refuses everything else (403).

const KEY = 'tracker.display';

/** Takes a display token from `#display=…` (and out of the address bar); true when there was one. */
export function adoptDisplayLink() {
  const match = /^#display=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  if (!match) return false;
  try {
    sessionStorage.setItem(KEY, match[1]);
  } catch {
    /* storage unavailable: nothing to keep */
  }
  history.replaceState(history.state, '', window.location.pathname + window.location.search);
  return true;
}

/** The display token this tab holds, or null. */
export function displayToken() {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Forgets it (the server no longer accepts it: revoked or expired). */
export function forgetDisplayToken() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    /* storage unavailable */
  }
}
