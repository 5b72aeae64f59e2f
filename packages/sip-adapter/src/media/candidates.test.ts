import { describe, expect, it } from 'vitest';
import { filterCandidates } from './candidates.js';

// The media section of an answer from Chromium, with host candidates on three interfaces (as recorded).
const SDP = [
  'v=0', 'o=- 4611731400430051336 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=group:BUNDLE 0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111 0 8 126', 'c=IN IP4 0.0.0.0',
  'a=candidate:1467250027 1 udp 2122260223 192.168.1.20 50812 typ host generation 0 network-id 1',
  'a=candidate:3471623853 1 udp 2122194687 127.0.0.1 51463 typ host generation 0 network-id 2',
  'a=candidate:2999745851 1 udp 2122129151 10.8.0.4 42130 typ host generation 0 network-id 3',
  'a=candidate:559267639 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active generation 0 network-id 2',
  'a=end-of-candidates', 'a=ice-ufrag:ABCD', 'a=sendrecv', '',
].join('\r\n');
const loopback = (line: string): boolean => / 127\.0\.0\.1 /.test(line);

describe('candidate filter', () => {
  it('keeps only the candidates the filter accepts, and every other line', () => {
    const out = filterCandidates(SDP, loopback);
    expect(out.split('\r\n').filter((l) => l.startsWith('a=candidate:'))).toEqual([
      'a=candidate:3471623853 1 udp 2122194687 127.0.0.1 51463 typ host generation 0 network-id 2',
      'a=candidate:559267639 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active generation 0 network-id 2',
    ]);
    expect(out.split('\r\n').filter((l) => !l.startsWith('a=candidate:'))).toEqual(SDP.split('\r\n').filter((l) => !l.startsWith('a=candidate:')));
  });

  it('passes the whole candidate line to the filter (so it can look at the type, the port or the transport)', () => {
    const udpOnly = filterCandidates(SDP, (l) => l.includes(' udp ') && loopback(l));
    expect(udpOnly.match(/^a=candidate:/gm)).toHaveLength(1);
  });

  it('without a filter the SDP is unchanged; LF-only line endings come back as CRLF', () => {
    expect(filterCandidates(SDP, undefined)).toBe(SDP);
    expect(filterCandidates(SDP.replaceAll('\r\n', '\n'), () => true)).toBe(SDP);
  });
});
