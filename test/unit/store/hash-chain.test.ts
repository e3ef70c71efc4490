import { describe, expect, it } from 'vitest';
import {
  type ChainedRecord,
  chainGenesis,
  chainHash,
  verifyChain,
} from '../../../electron/store/hash-chain';

function chainOf(contents: unknown[]): ChainedRecord[] {
  const records: ChainedRecord[] = [];
  let prevHash = chainGenesis;
  contents.forEach((content, index) => {
    const hash = chainHash(prevHash, content, 'record');
    records.push({ number: index + 1, content, hash, prevHash });
    prevHash = hash;
  });
  return records;
}

const contents = [{ kind: 'a', amount: 1 }, { kind: 'b', amount: 2 }, { kind: 'c' }];

describe('a hash chain of records', () => {
  it('holds as written, whatever the order of keys', () => {
    const records = chainOf(contents);
    expect(verifyChain(records, 'record')).toEqual({ ok: true, count: 3 });
    const reordered = records.map((record) => ({
      ...record,
      content: Object.fromEntries(Object.entries(record.content as object).reverse()),
    }));
    expect(verifyChain(reordered, 'record').ok).toBe(true);
  });

  it('names the record whose content changed', () => {
    const records = chainOf(contents);
    records[1] = { ...records[1], content: { kind: 'b', amount: 3 } } as ChainedRecord;
    expect(verifyChain(records, 'record')).toEqual({
      ok: false,
      count: 2,
      brokenAt: 2,
      reason: 'hash_mismatch',
    });
  });

  it('names the number missing when a record is taken out', () => {
    const records = chainOf(contents);
    expect(verifyChain([records[0], records[2]] as ChainedRecord[], 'record')).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'gap',
    });
  });

  it('finds a record rehashed on a link of its own', () => {
    const records = chainOf(contents);
    const forged = { ...records[1], prevHash: 'f'.repeat(64) } as ChainedRecord;
    forged.hash = chainHash(forged.prevHash, forged.content, 'record');
    expect(verifyChain([records[0], forged] as ChainedRecord[], 'record')).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'prev_hash_mismatch',
    });
  });

  it('checks a run from the record before it', () => {
    const records = chainOf(contents);
    const first = records[0] as ChainedRecord;
    expect(verifyChain(records.slice(1), 'record', first).ok).toBe(true);
    expect(verifyChain(records.slice(2), 'record', first)).toMatchObject({ reason: 'gap' });
  });

  it('reads content that cannot be hashed as a mismatch, not a crash', () => {
    const [first] = chainOf([{ amount: 1 }]) as [ChainedRecord];
    expect(verifyChain([{ ...first, content: { amount: 1.5 } }], 'record')).toMatchObject({
      ok: false,
      reason: 'hash_mismatch',
    });
  });
});
