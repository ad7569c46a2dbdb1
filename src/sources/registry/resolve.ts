// Plans name units in many ways — 地区发展改革委, 县发改局, a typo such as 市省自然资源规划局 — and
// resolveUnit maps each written form to one department of the registry, or says honestly that the
// registry does not know it.
import type { Region } from '../../domain/types';
import { regionAncestors, regionDescendants, type MatchKind, type Registry, type UnitResolution } from './registry';

/**
 * The comparable form of a unit name: full-width forms folded (（）→(), ，→,), all spaces including
 * NBSP and ideographic space removed, list punctuation trimmed from the ends.
 */
export function normalizeUnitName(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+/g, '')
    .replace(/^[、,;:。.·]+|[、,;:。.·]+$/g, '');
}

/**
 * The prefix a region's own units carry inside its documents: 地区 for 阿里地区, 市 for 海东市,
 * 县 for 湟源县, 自治区/区 for 西藏自治区. Derived from the official name, so it holds for any region.
 */
export function localPrefixes(region: Region): string[] {
  const n = region.name;
  if (n.endsWith('自治区')) return ['自治区', '区'];
  if (n.endsWith('省')) return ['省'];
  if (n.endsWith('地区')) return ['地区'];
  if (n.endsWith('自治州')) return ['州', '自治州'];
  if (n.endsWith('州')) return ['州'];
  if (n.endsWith('盟')) return ['盟'];
  if (n.endsWith('市')) return ['市'];
  if (n.endsWith('县')) return ['县'];
  if (n.endsWith('区')) return ['区'];
  if (n.endsWith('旗')) return ['旗'];
  return [];
}

/** Party bodies use their own short prefix: 地委, 市委, 县委, 区党委. */
const PARTY_PREFIX = /^(地委|市委|县委|区委|州委|盟委|旗委|省委|党委|区党委|自治区党委)/;

function lookupIn(registry: Registry, code: string, key: string): { id: string; kind: MatchKind } | null {
  const names = registry.namesByRegion.get(code);
  if (!names) return null;
  const direct = names.get(key);
  if (direct) return direct;
  // "阿里地区林业局" / "海东市林草局": the region's own name in front of a locally written form.
  const region = registry.regionByCode.get(code);
  if (!region) return null;
  const forms = [region.name, ...region.shortNames].sort((a, b) => b.length - a.length);
  for (const form of forms) {
    if (!key.startsWith(form) || key.length <= form.length) continue;
    const rest = key.slice(form.length);
    for (const p of localPrefixes(region)) {
      const hit = names.get(p + rest);
      if (hit) return { id: hit.id, kind: 'alias' };
    }
    if (PARTY_PREFIX.test(rest) || localPrefixes(region).some((p) => rest.startsWith(p))) {
      const hit = names.get(rest);
      if (hit) return { id: hit.id, kind: 'alias' };
    }
  }
  return null;
}

/**
 * Resolves a unit name as a document of region `regionCode` writes it. Looks in that region first,
 * then in the regions above it (a county plan names 市/省 units), then below it when exactly one
 * department there carries the name. Unknown names come back unverified — never dropped.
 */
export function resolveUnit(registry: Registry, written: string, regionCode: string): UnitResolution {
  const unknown: UnitResolution = { departmentId: null, verified: false, via: null };
  const key = normalizeUnitName(written);
  if (key === '' || !registry.regionByCode.has(regionCode)) return unknown;

  const own = lookupIn(registry, regionCode, key);
  if (own) return { departmentId: own.id, verified: true, via: own.kind };

  // A document never uses its own prefix for a unit above it: in a 区 plan, 区发改委 is the
  // district's own, not the autonomous region's; in a county-level 市, 市发改局 is its own.
  const ownPrefixes = localPrefixes(registry.regionByCode.get(regionCode)!);
  const writtenAsOwn = ownPrefixes.some((p) => key.startsWith(p));
  for (const ancestor of regionAncestors(registry, regionCode)) {
    const hit = lookupIn(registry, ancestor.code, key);
    if (hit && !(hit.kind === 'alias' && writtenAsOwn)) return { departmentId: hit.id, verified: true, via: 'ancestor' };
  }

  const below = new Map<string, MatchKind>();
  for (const region of regionDescendants(registry, regionCode)) {
    const hit = lookupIn(registry, region.code, key);
    if (hit) below.set(hit.id, hit.kind);
  }
  if (below.size === 1) {
    const [[id, kind]] = [...below];
    return { departmentId: id, verified: true, via: kind };
  }
  return unknown;
}
