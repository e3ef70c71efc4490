import { describe, expect, it } from 'vitest';
import { fieldChanges } from '../../../renderer/audit/changes';

describe('an audit entry’s changes as the Audit page shows them', () => {
  it('names only the fields that changed, plans by their id', () => {
    const before = {
      currency: 'XPF',
      plans: [
        { id: '1go', price: 1500, taxRate: 0 },
        { id: '5go', price: 6000, taxRate: 0 },
      ],
    };
    const after = {
      currency: 'XPF',
      plans: [
        { id: '1go', price: 1500, taxRate: 0 },
        { id: '5go', price: 6500, taxRate: 1100 },
      ],
    };
    expect(fieldChanges(before, after)).toEqual([
      { field: 'plans.5go.price', before: '6000', after: '6500' },
      { field: 'plans.5go.taxRate', before: '0', after: '1100' },
    ]);
  });

  it('lists what was added or removed with nothing on the other side', () => {
    expect(fieldChanges(null, { name: 'Léa', role: 'clerk' })).toEqual([
      { field: 'name', before: null, after: 'Léa' },
      { field: 'role', before: null, after: 'clerk' },
    ]);
    expect(fieldChanges({ status: 'unknown' }, null)).toEqual([
      { field: 'status', before: 'unknown', after: null },
    ]);
  });

  it('says nothing when nothing changed, and lists without ids by position', () => {
    expect(fieldChanges({ a: 1 }, { a: 1 })).toEqual([]);
    expect(fieldChanges({ files: ['a.csv'] }, { files: ['a.csv', 'b.csv'] })).toEqual([
      { field: 'files.1', before: null, after: 'b.csv' },
    ]);
  });
});
