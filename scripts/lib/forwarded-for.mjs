// @ts-check
/*
 * What a reverse proxy does to X-Forwarded-For (nginx's `$proxy_add_x_forwarded_for`): the
 * address of the TCP peer is appended to whatever the request claimed. The app's server
 * (scripts/serve.mjs) does it for every request, so the last entry is always the peer it saw,
 * never text from the client; lib/request-meta.ts#clientAddress counts TRUSTED_PROXY_HOPS from it.
 * Plain JavaScript, like the server that loads it: no TypeScript loader at run time (measured:
 * tsx added 1.2–2 s to the server's start).
 */

/**
 * @param {string | string[] | undefined} forwardedFor the header as the request brought it
 * @param {string | undefined} peer the socket's remote address
 * @returns {string}
 */
export function appendPeer(forwardedFor, peer) {
  const claimed = [forwardedFor ?? []].flat().join(", ").trim();
  // A socket that closed before the request was read has no address; the entry must still be ours.
  const address = peerAddress(peer) ?? "unknown";
  return claimed ? `${claimed}, ${address}` : address;
}

/**
 * The socket's address as a proxy writes it: IPv4 clients of a dual-stack socket without "::ffff:".
 * @param {string | undefined} remoteAddress
 * @returns {string | undefined}
 */
export function peerAddress(remoteAddress) {
  if (!remoteAddress) return undefined;
  return /^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(remoteAddress) ? remoteAddress.slice(7) : remoteAddress;
}
