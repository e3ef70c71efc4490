import { describe, expect, it } from 'vitest';
import {
  effectiveFromInput,
  wallTimeText,
} from '../../../../renderer/head-office/catalog/catalog-text';

describe('when a catalog change applies, as staff type and read it', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['2026-12-08T00:00', '2026-12-08T00:00'],
    ['2026-12-08T00:00:00', '2026-12-08T00:00'],
  ])('the field holding %j publishes %j', (typed, sent) => {
    expect(effectiveFromInput(typed)).toBe(sent);
  });

  it.each([
    ['en', 'Dec 8, 2026 00:00'],
    ['fr', '8 déc. 2026 00:00'],
  ])('reads as written, whatever the reader’s zone (%s)', (language, text) => {
    expect(wallTimeText('2026-12-08T00:00', language)).toBe(text);
  });
});
