// An unknown path under a known API family: the family's scopes, as uncertain. The family is the
// longest literal path prefix shared with catalog templates (spec operations) or legacy rule regexes;
// it must have two segments at least, and for umbrella APIs reach past the version (`/crm/v3/` alone is
// not a family; `/contacts/v1/` and `/files/v3/` are).
import type { HttpMethod } from '../model/site.js';
import { accessOf } from './access.js';
import { legacyRules, pathsStartingWith, type IndexedPath, type LegacyRule } from './catalog.js';
import { scopesFromRule } from './legacy.js';
import { isVersionSegment, normalisePath, pathSegments } from './normalise.js';
import { OperationMatch } from './operations.js';
import { scopesOfOperation } from './operation-scopes.js';
import type { Access } from './types.js';

const rulePrefixes = new Map<string, string>();

/** Literal start of a rule regex: `^/contacts/v1/lists(/.*)?$` → `/contacts/v1/lists`. */
function rulePrefix(re: string): string {
  let p = rulePrefixes.get(re);
  if (p === undefined) {
    p = re.replace(/^\^/, '').split(/[([{?*+.|\\$]/)[0];
    rulePrefixes.set(re, p);
  }
  return p;
}

// First segments that group many unrelated APIs: their family needs a segment past the version.
const UMBRELLAS = new Set(['crm', 'cms', 'marketing', 'automation', 'settings', 'conversations']);

function deepEnough(prefix: string): boolean {
  const segs = prefix.split('/').filter(Boolean);
  if (segs.length < 2) return false;
  const v = segs.findIndex(isVersionSegment);
  if (v < 0) return true;
  return segs.length > v + 1 || !UMBRELLAS.has(segs[0]);
}

export interface FamilyResult {
  prefix: string;
  scopes: string[];
  uncertain: string[];
  confidence: string;
  version?: string;
}

function covers(normalised: string, prefix: string): boolean {
  return (normalised + '/').startsWith(prefix) && deepEnough(prefix);
}

const memo = new Map<string, FamilyResult | null>();

/** Union of the chosen scopes of the family's operations with the query's access (both when unknown). */
export function familyScopes(method: HttpMethod | null, normalised: string, objectType?: string): FamilyResult | null {
  const key = `${method}|${normalised}|${objectType ?? ''}`;
  if (!memo.has(key)) {
    if (memo.size > 2_000) memo.clear();
    memo.set(key, computeFamily(method, normalised, objectType));
  }
  const r = memo.get(key)!;
  return r && { ...r, scopes: [...r.scopes], uncertain: [...r.uncertain] };
}

function computeFamily(method: HttpMethod | null, normalised: string, objectType?: string): FamilyResult | null {
  const first = pathSegments(normalised)[0] ?? '';
  let best = '';
  const specCands = pathsStartingWith(first);
  for (const e of specCands) {
    const p = e.familyPrefix;
    if (p.length > best.length && covers(normalised, p)) best = p;
  }
  const ruleCands: LegacyRule[] = [];
  let bestRule = '';
  for (const { rule } of legacyRules()) {
    const p = rulePrefix(rule.re);
    if (!covers(normalised, p)) continue;
    if (p.length > bestRule.length) {
      bestRule = p;
      ruleCands.length = 0;
    }
    if (p.length === bestRule.length) ruleCands.push(rule);
  }
  if (!best && !bestRule) return null;

  const wanted: Access[] = method ? [accessOf(method, normalised)] : ['read', 'write'];
  const found = new Set<string>();
  let confidence = 'spec';
  let version: string | undefined;
  if (best.length >= bestRule.length) {
    const members = specCands.filter((e: IndexedPath) => e.group.p.startsWith(best));
    for (const e of members) {
      // the member's own path decides read/write; the query's segments give the object type
      const op = new OperationMatch(e, pathSegments(normalised));
      const own = normalisePath(e.group.p);
      for (const m of op.methods()) {
        if (!wanted.includes(accessOf(m, own))) continue;
        const r = scopesOfOperation(op, m, own, objectType);
        if (!r.developerKey) for (const s of [...r.scopes, ...r.uncertain]) found.add(s);
      }
      version ??= e.group.v;
    }
  } else {
    for (const rule of ruleCands) {
      const r = scopesFromRule(rule, method, normalised, objectType);
      for (const s of [...r.scopes, ...r.uncertain]) found.add(s);
      confidence = r.confidence;
      version ??= r.version;
    }
    return { prefix: bestRule, scopes: [], uncertain: [...found].sort(), confidence, version };
  }
  return { prefix: best, scopes: [], uncertain: [...found].sort(), confidence, version };
}
