import { describe, expect, it } from 'vitest';
import { indexNowKey } from '../../../src/deploy/indexnow-key.ts';

describe('indexNowKey', () => {
  it.each([undefined, '', ' '])('is none when INDEXNOW_KEY is %j', (value) => {
    expect(indexNowKey(value)).toBeUndefined();
  });
  it.each(['abcd1234', 'A-key-with-dashes-0001', 'k'.repeat(128)])('accepts %s', (key) => {
    expect(indexNowKey(key)).toBe(key);
  });
  it.each(['short', 'k'.repeat(129), 'has space', 'has_underscore', 'ключ-ключ'])('refuses %j', (key) => {
    expect(() => indexNowKey(key)).toThrow(/INDEXNOW_KEY must be 8 to 128 letters, digits or dashes/u);
  });
  it("refuses a key that would replace one of the site's own .txt files", () => {
    expect(() => indexNowKey('permalinks')).toThrow(/would replace the site's own \/permalinks\.txt/u);
  });
});
