import { describe, expect, it } from 'vitest';
import { factIdSchema, nextUuidv7, uuidv7Time } from '../../../shared/head-office';

const random = (fill: number) => new Uint8Array(10).fill(fill);

describe('fact ids (UUIDv7, monotonic)', () => {
  it('carries its millisecond and the version and variant bits', () => {
    const id = nextUuidv7(null, Date.UTC(2026, 11, 7, 8, 30), random(0xab));
    expect(factIdSchema.safeParse(id).success).toBe(true);
    expect(uuidv7Time(id)).toBe(Date.UTC(2026, 11, 7, 8, 30));
  });

  it.each([
    ['in the same millisecond', 0],
    ['when the clock steps back', -5_000],
  ])('sorts after the previous id %s', (_, step) => {
    const now = Date.UTC(2026, 11, 7, 8, 30);
    let previous = nextUuidv7(null, now, random(0xff));
    for (let i = 0; i < 5_000; i += 1) {
      const next = nextUuidv7(previous, now + step, random(i % 256));
      expect(next > previous).toBe(true);
      previous = next;
    }
    // 5 000 in one millisecond borrows the next one, and keeps counting from there.
    expect(uuidv7Time(previous)).toBe(now + 1);
  });

  it('starts a new millisecond afresh', () => {
    const first = nextUuidv7(null, 1_000, random(1));
    const later = nextUuidv7(first, 2_000, random(0));
    expect(uuidv7Time(later)).toBe(2_000);
    expect(later > first).toBe(true);
  });
});
