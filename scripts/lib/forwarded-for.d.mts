export function appendPeer(forwardedFor: string | string[] | undefined, peer: string | undefined): string;
export function peerAddress(remoteAddress: string | undefined): string | undefined;
