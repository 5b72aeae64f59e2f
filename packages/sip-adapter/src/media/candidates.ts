/**
 * Keeps the `a=candidate:` lines of an SDP that `keep` accepts, and every other line. Line
 * endings are normalised to CRLF. @internal
 */
export function filterCandidates(sdp: string, keep: ((candidateLine: string) => boolean) | undefined): string {
  if (!keep) return sdp;
  return sdp
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('a=candidate:') || keep(line))
    .join('\r\n');
}
