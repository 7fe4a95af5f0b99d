import { expect, test } from 'vitest';
import { articlePath } from '../../src/lib/urls.ts';
import { zoned } from '../../src/lib/dates.ts';

test('smoke', () => {
  expect(articlePath({ slug: 'a', published: zoned('2022-01-06T00:00:00Z') })).toBe('/2022/01/06/a/');
});
