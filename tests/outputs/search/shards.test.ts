// Search shards (shards.ts): records partitioned by document, keyed by their records, sized by the memory bound.
import { describe, expect, it } from 'vitest';
import { searchRecords } from '../../../src/outputs/search/records';
import { readSettings } from '../../../src/config';
import {
  partitionRecords,
  shardFolder,
  shardGroup,
  shardIndexingMb,
  shardKey,
  shardRecordLimit,
  shardRecordsFor,
  SHARD_MEMORY_SHARE,
} from '../../../src/outputs/search/shards';
import { portalOf } from './helpers';

describe('partitionRecords', () => {
  const records = searchRecords(portalOf());

  it('makes as many shards as the limit asks for, and loses or repeats no record', () => {
    const shards = partitionRecords(records, 8);
    expect(shards.length).toBeGreaterThan(1);
    expect(shards.length).toBeLessThanOrEqual(Math.ceil(records.length / 8));
    expect(
      shards
        .flat()
        .map((r) => r.url)
        .sort(),
    ).toEqual(records.map((r) => r.url).sort());
    expect(partitionRecords(records, records.length)).toEqual([records]);
  });

  it("keeps a document's page and its tasks in one shard", () => {
    const shards = partitionRecords(records, 8);
    const shardOf = new Map<string, number>();
    shards.forEach((s, i) =>
      s.forEach((r) => {
        const g = shardGroup(r);
        expect(shardOf.get(g) ?? i, g).toBe(i);
        shardOf.set(g, i);
      }),
    );
    expect([...shardOf.keys()].filter((g) => g.includes('生态环境保护工作方案'))).toHaveLength(6);
  });

  it('changes the key of one shard when one status report changes', () => {
    const before = partitionRecords(records, 8).map((s) => shardKey(s, '1.6.0'));
    const after = partitionRecords(searchRecords(portalOf(true)), 8).map((s) => shardKey(s, '1.6.0'));
    expect(after).toHaveLength(before.length);
    expect(after.filter((k, i) => k !== before[i])).toHaveLength(1);
    expect(partitionRecords(records, 8).map((s) => shardKey(s, '1.7.0'))).not.toContain(before[0]); // a new Pagefind writes anew
  });

  it('sizes shards by the memory bound: as large as one Pagefind process may index within its share', () => {
    // 2 GB, the default bound: 6,000 records, so 10,000 tasks (11,943 records) make 2 shards.
    expect(shardRecordsFor(1907)).toBe(6000);
    expect(shardRecordsFor(3814)).toBe(12500); // 4 GB: 50,000 tasks in 5 shards, not 10
    for (const mb of [1024, 1907, 3000, 3814, 8192]) {
      const records = shardRecordsFor(mb);
      expect(records % 500, `${mb} MB`).toBe(0);
      expect(shardIndexingMb(records), `${mb} MB`).toBeLessThanOrEqual(mb * SHARD_MEMORY_SHARE);
      expect(shardIndexingMb(records + 500), `${mb} MB`).toBeGreaterThan(mb * SHARD_MEMORY_SHARE);
    }
    expect(shardRecordsFor(300)).toBe(500); // a tiny bound still indexes, a few hundred records at a time
    expect(shardRecordLimit(readSettings({ QINGDAN_MEMORY_MB: '3814' }))).toBe(12500);
    expect(shardRecordLimit(readSettings({ QINGDAN_MEMORY_MB: '3814', QINGDAN_SEARCH_SHARD_RECORDS: '250' }))).toBe(250);
  });

  it('reads the shard size from QINGDAN_SEARCH_SHARD_RECORDS', () => {
    expect(shardRecordLimit(readSettings({ QINGDAN_SEARCH_SHARD_RECORDS: '250' }))).toBe(250);
    expect(() => readSettings({ QINGDAN_SEARCH_SHARD_RECORDS: '0' })).toThrow(/QINGDAN_SEARCH_SHARD_RECORDS.*whole number.*"0"/);
    expect(() => readSettings({ QINGDAN_SEARCH_SHARD_RECORDS: 'many' })).toThrow(/"many"/);
    expect(shardFolder(0)).toBe('');
    expect(shardFolder(2)).toBe('s2/');
  });
});
