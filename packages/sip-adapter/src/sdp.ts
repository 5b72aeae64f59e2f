/** An SDP media direction. @internal */
export type SdpDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

const MAX_SDP = 64 * 1024;

/**
 * True when `sdp` is a session description the adapter can work with: it starts with `v=0`, is of
 * sane size, and has an audio m-line with a port and at least one format. @internal
 */
export function isUsableSdp(sdp: string): boolean {
  if (sdp.length > MAX_SDP || !/^\s*v=0\r?$/m.test(sdp.slice(0, 64))) return false;
  return /^m=audio \d{1,5}(\/\d+)? [A-Z/]+ \d/m.test(sdp);
}

/** The direction of the first audio stream (media level first, then session level). @internal */
export function sdpDirection(sdp: string): SdpDirection {
  const audio = sdp.indexOf('m=audio');
  const media = audio < 0 ? '' : sdp.slice(audio);
  const find = (s: string): SdpDirection | undefined => /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/m.exec(s)?.[1] as SdpDirection | undefined;
  const session = audio < 0 ? sdp : sdp.slice(0, audio);
  const dir = find(media) ?? find(session) ?? 'sendrecv';
  // RFC 2543 style hold: a connection address of 0.0.0.0.
  if (dir === 'sendrecv' && /^c=IN IP4 0\.0\.0\.0\s*$/m.test(sdp)) return 'sendonly';
  return dir;
}

/** True when an offer from the far end puts us on hold (it will not receive our audio). @internal */
export function isHoldOffer(sdp: string): boolean {
  const d = sdpDirection(sdp);
  return d === 'sendonly' || d === 'inactive';
}

/** The direction we answer with, given the far end's offer and whether we hold. @internal */
export function answerDirection(offer: SdpDirection, localHold: boolean): SdpDirection {
  // The side that holds stops receiving (it may still send music on hold).
  const weSend = offer === 'sendrecv' || offer === 'recvonly';
  const weReceive = !localHold && (offer === 'sendrecv' || offer === 'sendonly');
  if (weSend && weReceive) return 'sendrecv';
  if (weSend) return 'sendonly';
  if (weReceive) return 'recvonly';
  return 'inactive';
}
