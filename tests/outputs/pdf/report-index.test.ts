// What every report of a portal looks up (report-index.ts): tasks by document, departments by task, own
// documents and direct sub-regions of a region, and year tallies over a region's whole subtree.
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/outputs/pdf/report-index';
import { totalsOf } from '../../../src/outputs/pdf/report-tally';
import { treePortal } from '../../fixtures/portal-pdf';
import { countsList } from './helpers';

const portal = treePortal();
const ix = buildIndex(portal);

describe('buildIndex', () => {
  it('lists a region’s own documents only, and its direct sub-regions in registry order', () => {
    expect(ix.documentsOf('540000').map((d) => d.slug)).toEqual(['xizang-yaodian']);
    expect(ix.documentsOf('542500').map((d) => d.slug)).toEqual(['ali-fengong']);
    expect(ix.documentsOf('542522')).toEqual([]);
    expect(ix.childrenOf('540000')).toEqual(['540100', '542500']);
    expect(ix.childrenOf('542500')).toEqual(['542521', '542522']);
    expect(ix.childrenOf('542521')).toEqual([]);
  });

  it('keeps each document’s tasks in their order', () => {
    expect(ix.tasksByDocument.get('ali-fengong')!.map((t) => t.task.id)).toEqual([
      'ali-fengong/t1',
      'ali-fengong/t2',
      'ali-fengong/t3',
      'ali-fengong/t4',
    ]);
  });

  it('links each task to its departments and how they take part', () => {
    const links = (id: string) =>
      ix.links
        .get(id)!
        .map((l) => `${l.dv.department.id}:${l.group}`)
        .sort();
    // 地区环境保护局 leads; 阿里地区生态环境局 took it over in the reform; 地区水利局 is only named.
    expect(links('ali-fengong/t4')).toEqual(['542500-hbj:lead', '542500-slj:mentioned', '542500-sthjj:inherited']);
    expect(links('ali-fengong/t1')).toEqual(['542500-lcj:lead', '542500-sthjj:helping']);
    expect(ix.links.get('ali-fengong/t3')!.map((l) => l.dv.department.id)).toEqual(['542500-lcj']); // its lead is unknown
  });

  it('tallies a region’s year over its own documents and every region below, counted once and kept', () => {
    const ali = ix.regionTally('542500', '2019');
    expect(totalsOf(ali)).toMatchObject({ documentCount: 2, taskCount: 6, demo: true });
    //                                 尚未启动 未达到 达到 超过 已完成 已销号 长期坚持 未报告 已逾期
    expect(countsList(totalsOf(ali).counts)).toEqual([0, 1, 1, 0, 1, 1, 1, 1, 1]);
    expect(ali.latest).toBe('2020-01-01');
    expect(ix.regionTally('542500', '2019')).toBe(ali);
    // 西藏: its own official plan plus 拉萨 (nothing in 2019) and 阿里.
    const xizang = totalsOf(ix.regionTally('540000', '2019'));
    expect(xizang.documentCount).toBe(3);
    expect(countsList(xizang.counts)).toEqual([1, 1, 1, 0, 2, 1, 1, 1, 2]);
    expect(totalsOf(ix.regionTally('540100', '2019'))).toMatchObject({ documentCount: 0, taskCount: 0, demo: false });
    expect(totalsOf(ix.regionTally('540100', '2020'))).toMatchObject({ documentCount: 1, taskCount: 1, demo: true });
  });

  it('turns progress into plain text once per report', () => {
    const r = portal.taskById.get('ali-fengong/t1')!.reports[0];
    const text = ix.progressText(r);
    expect(text).toBe('完成禁牧面积 120 万亩； 建立巡护队伍。');
    expect(ix.progressText(r)).toBe(text);
  });
});
