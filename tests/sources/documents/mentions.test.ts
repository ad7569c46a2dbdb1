// Units that prose names without a role.
import { describe, expect, it } from 'vitest';
import { findMentionedUnits } from '../../../src/sources/documents/mentions';

const names = (text: string) => findMentionedUnits(text).map((u) => u.name);

describe('mentioned units', () => {
  it('finds units named in prose, with list items sharing the prefix', () => {
    const found = findMentionedUnits(
      '自治区生态环境厅会同有关部门做好工作。自治区工业和信息化厅、住房和城乡建设厅等要加强联动。自治区水利厅负责水资源管理。',
    );
    expect(found.map((u) => u.name)).toEqual(['自治区生态环境厅', '自治区工业和信息化厅', '自治区住房和城乡建设厅', '自治区水利厅']);
  });

  it('does not take plan titles or words that merely end like units', () => {
    expect(
      findMentionedUnits('根据《青海省生态文明建设目标评价考核办法(试行)》要求,构建紧凑型城市空间格局,争取在我地区科学布局。'),
    ).toEqual([]);
  });

  it('prose mentions with a one-character prefix at a clause start', () => {
    expect(findMentionedUnits('省生态环境厅会同省财政厅负责。节省资源。').map((u) => u.name)).toEqual(['省生态环境厅', '省财政厅']);
  });
});

describe('findMentionedUnits', () => {
  it('each unit once, with the role mentioned', () => {
    expect(findMentionedUnits('市水务局负责。市水务局要加强监管。')).toEqual([{ name: '市水务局', role: 'mentioned' }]);
  });

  it.each([
    ['拉萨市生态环境局负责。', ['拉萨市生态环境局']],
    ['西藏自治区发展和改革委员会组织实施。', ['西藏自治区发展和改革委员会']],
    ['县政府办公室负责。', ['县政府办公室']],
    ['和市财政局共同研究。', ['市财政局']],
    ['市发展改革委、财政局、水务局等要加强联动。', ['市发展改革委', '市财政局', '市水务局']],
    ['自治区发展改革委、财政厅负责。', ['自治区发展改革委', '自治区财政厅']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each(['各县区人民政府要加强领导。', '有关部门要加强联动。', '构建新格局。', '依据《某某管理办法》执行。'])(
    '%s names no unit',
    (text) => {
      expect(names(text)).toEqual([]);
    },
  );

  it.each([
    ['，', '由市发展改革委牵头，市财政局配合。'],
    [',', '由市发展改革委牵头,市财政局配合。'],
  ])('a clause after %s starts a new name', (_, text) => {
    expect(names(text)).toEqual(['市发展改革委', '市财政局']);
  });

  it.each([
    ['，', '市发展改革委，市财政局负责。'],
    [',', '市发展改革委,市财政局负责。'],
  ])('two names separated by %s are two units', (_, text) => {
    expect(names(text)).toEqual(['市发展改革委', '市财政局']);
  });

  it('组织部 is a name, not the verb 组织', () => {
    expect(names('市委宣传部、市委组织部要加强宣传。')).toEqual(['市委宣传部', '市委组织部']);
    expect(names('市委组织部负责培训干部。')).toEqual(['市委组织部']);
  });

  it('a 人民政府 is a unit', () => {
    expect(names('那曲市人民政府负责。')).toEqual(['那曲市人民政府']);
  });
});
