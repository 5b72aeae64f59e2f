import { describe, expect, it } from 'vitest';
import { createToken, tokenId } from './token.js';

describe('createToken', () => {
  it('gives the same symbol for the same id and remembers the id', () => {
    const a = createToken<number>('core.answer');
    expect(createToken<number>('core.answer')).toBe(a);
    expect(tokenId(a)).toBe('core.answer');
  });
  it('refuses an id that is not dotted kebab-case', () => {
    expect(() => createToken('Answer')).toThrow(/dotted kebab-case/);
  });
});
