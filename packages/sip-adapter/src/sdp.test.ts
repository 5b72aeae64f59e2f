import { describe, expect, it } from 'vitest';
import { answerDirection, isHoldOffer, isUsableSdp, sdpDirection } from './sdp.js';

const sdp = (extra: string, c = '127.0.0.1') => `v=0\r\no=- 1 1 IN IP4 ${c}\r\ns=-\r\nc=IN IP4 ${c}\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n${extra}`;

describe('sdp helpers', () => {
  it('usable SDP needs v=0 and an audio m-line', () => {
    expect(isUsableSdp(sdp('a=sendrecv\r\n'))).toBe(true);
    expect(isUsableSdp('this is not SDP')).toBe(false);
    expect(isUsableSdp('v=0\r\ngarbage\r\n')).toBe(false);
    expect(isUsableSdp(sdp('') + 'a=x\r\n'.repeat(20_000))).toBe(false);
  });

  it('directions and hold offers (a=sendonly, a=inactive, c=0.0.0.0)', () => {
    expect(sdpDirection(sdp(''))).toBe('sendrecv');
    expect(isHoldOffer(sdp('a=sendonly\r\n'))).toBe(true);
    expect(isHoldOffer(sdp('a=inactive\r\n'))).toBe(true);
    expect(isHoldOffer(sdp('', '0.0.0.0'))).toBe(true);
    expect(isHoldOffer(sdp('a=recvonly\r\n'))).toBe(false);
  });

  it.each([
    ['sendrecv', false, 'sendrecv'], ['sendonly', false, 'recvonly'], ['inactive', false, 'inactive'],
    ['sendrecv', true, 'sendonly'], ['recvonly', false, 'sendonly'], ['sendonly', true, 'inactive'],
  ] as const)('answer to %s (we hold: %s) → %s', (offer, hold, expected) => {
    expect(answerDirection(offer, hold)).toBe(expected);
  });
});
