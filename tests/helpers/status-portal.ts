// A portal of one document with two tasks, built by the real join, whose first task's reports a test sets:
// for the tests of what the portal reports as read and of the status state compared between builds.
import type { Portal } from '../../src/portal/types';
import type { Department, Region } from '../../src/domain/types';
import { fixturePortal, type SpecDocument } from '../fixtures/portal';

const regions: Region[] = [
  { code: '540000', name: '西藏自治区', shortNames: ['西藏'], level: 'province', parentCode: null },
  { code: '542500', name: '阿里地区', shortNames: ['阿里'], level: 'prefecture', parentCode: '540000' },
];
const departments: Department[] = [
  {
    id: '542500-sthj',
    name: '阿里地区生态环境局',
    regionCode: '542500',
    aliases: [],
    successorId: null,
    succeededOn: null,
    collective: false,
  },
];

export function portalWith(t1Reports: SpecDocument['tasks'][number]['reports'], generatedOn?: string): Portal {
  return fixturePortal(
    [
      {
        slug: 'ali-2024-shengtai',
        regionCode: '542500',
        tasks: [
          { localId: 't1', text: '加强草原生态保护修复。', units: [{ name: '阿里地区生态环境局', role: 'lead' }], reports: t1Reports },
          {
            localId: 't2',
            text: '推进退牧还草工程建设。',
            units: [{ name: '阿里地区生态环境局', role: 'lead' }],
            reports: { '2020': { status: '达到序时进度' } },
          },
        ],
      },
    ],
    { regions, departments },
    generatedOn,
  );
}
