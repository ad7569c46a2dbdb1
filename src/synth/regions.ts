// A fake but well-formed region hierarchy: provinces › prefectures › counties with 6-digit codes.
// Province codes start at 91: GB/T 2260 assigns no province 91–99, so a synthetic code can never be
// mistaken for a real one, and every name starts with 合成 so no reader can either.
import type { Rng } from './rng';
import type { RegionLevel } from '../domain/types';
import { chineseNumber } from './numerals';

/** Heavenly stems name the synthetic provinces in document numbers: 合甲政发, 合乙三行发. */
const STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬'];

/** How a region is named and how its documents write the names of its own departments. */
export type RegionStyle = 'province' | 'autonomous' | 'city' | 'diqu' | 'zhou' | 'county' | 'district';

export interface SynthRegion {
  code: string;
  name: string;
  shortNames: string[];
  level: Exclude<RegionLevel, 'country'>;
  parentCode: string | null;
  style: RegionStyle;
  /** The prefix documents put before a department of this region: 地区农牧局, 市发展改革委, 县林草局, 区厅. */
  prefix: string;
  /** Other prefixes the same documents use: 自治区生态环境厅 beside 区生态环境厅. */
  altPrefixes: string[];
  /** Prefix of the party committee's departments: 地委宣传部, 市委组织部, 区党委宣传部. */
  partyPrefix: string;
  /** The collective of the governments one level down: 各县人民政府, 各乡镇人民政府. */
  collective: string;
  /** The body that issues the region's documents: 地区行政公署, 合成市0103人民政府. */
  government: string;
  /** Short form of the issuer used in 发文机构 lines: 地区行署, 市政府. */
  governmentShort: string;
  /** A document-number prefix in Chinese characters, as real ones are (阿行发, 东政办): 合甲三行发. */
  docPrefix: string;
  /** 机构改革 date in this region: departments renamed on this day (YYYY-MM-DD). */
  reformOn: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export interface RegionPlan {
  provinces: number;
  prefecturesPerProvince: number;
  countiesPerPrefecture: [number, number];
}

/** Enough regions for the documents to spread over: about one region per 250 tasks, at least a few. */
export function planRegions(tasks: number): RegionPlan {
  const provinces = Math.min(9, Math.max(1, Math.ceil(tasks / 3000)));
  const prefecturesPerProvince = Math.min(60, Math.max(2, Math.ceil(tasks / (provinces * 1200))));
  return { provinces, prefecturesPerProvince, countiesPerPrefecture: [2, 5] };
}

function reformDate(rng: Rng): string {
  // Real reforms landed between late 2018 and mid 2019.
  const month = rng.int(1, 6);
  const day = rng.int(1, 28);
  return `2019-${pad2(month)}-${pad2(day)}`;
}

export function synthesizeRegions(plan: RegionPlan, rng: Rng): SynthRegion[] {
  const out: SynthRegion[] = [];
  for (let p = 1; p <= plan.provinces; p++) {
    const pp = String(90 + p);
    const autonomous = p % 2 === 0;
    const pName = autonomous ? `合成自治区${pad2(p)}` : `合成省${pad2(p)}`;
    out.push({
      code: `${pp}0000`,
      name: pName,
      shortNames: [`合成${pad2(p)}`],
      level: 'province',
      parentCode: null,
      style: autonomous ? 'autonomous' : 'province',
      prefix: autonomous ? '区' : '省',
      altPrefixes: autonomous ? ['自治区'] : [],
      partyPrefix: autonomous ? '区党委' : '省委',
      collective: autonomous ? '各地市人民政府' : '各市州人民政府',
      government: `${pName}人民政府`,
      governmentShort: autonomous ? '自治区人民政府' : '省政府',
      docPrefix: `合${STEMS[p - 1]}政发`,
      reformOn: reformDate(rng),
    });
    for (let c = 1; c <= plan.prefecturesPerProvince; c++) {
      const cc = pad2(c);
      const style = rng.pick<RegionStyle>(['city', 'city', 'diqu', 'zhou']);
      const word = style === 'city' ? '市' : style === 'diqu' ? '地区' : '州';
      const cName = `合成${word}${pad2(p)}${cc}`;
      const cCode = `${pp}${cc}00`;
      out.push({
        code: cCode,
        name: cName,
        shortNames: [`合成${pad2(p)}${cc}`],
        level: 'prefecture',
        parentCode: `${pp}0000`,
        style,
        prefix: word,
        altPrefixes: [],
        partyPrefix: style === 'diqu' ? '地委' : `${word}委`,
        collective: style === 'city' ? '各县区人民政府' : '各县人民政府',
        government: style === 'diqu' ? `${cName}行政公署` : `${cName}人民政府`,
        governmentShort: style === 'diqu' ? '地区行署' : `${word}政府`,
        docPrefix: `合${STEMS[p - 1]}${chineseNumber(c)}${style === 'diqu' ? '行' : '政'}发`,
        reformOn: reformDate(rng),
      });
      const counties = rng.int(plan.countiesPerPrefecture[0], plan.countiesPerPrefecture[1]);
      for (let k = 1; k <= counties; k++) {
        const district = style === 'city' && k <= 2;
        const word2 = district ? '区' : '县';
        // Districts take 01–20 and counties 21 on, as in real codes.
        const kk = district ? pad2(k) : pad2(20 + k);
        const kName = `合成${word2}${pad2(p)}${cc}${kk}`;
        out.push({
          code: `${pp}${cc}${kk}`,
          name: kName,
          shortNames: [`合成${pad2(p)}${cc}${kk}`],
          level: 'county',
          parentCode: cCode,
          style: district ? 'district' : 'county',
          prefix: word2,
          altPrefixes: [],
          partyPrefix: `${word2}委`,
          collective: '各乡镇人民政府',
          government: `${kName}人民政府`,
          governmentShort: `${word2}政府`,
          docPrefix: `合${STEMS[p - 1]}${chineseNumber(c)}${chineseNumber(k)}政发`,
          reformOn: reformDate(rng),
        });
      }
    }
  }
  return out;
}
