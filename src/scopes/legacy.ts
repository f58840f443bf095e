// Legacy v1/v2 endpoints (not in HubSpot's spec collection): the catalog's legacyEndpointRules,
// first match wins (hubspot-facts.md §2.3).
import type { HttpMethod } from '../model/site.js';
import { accessOf } from './access.js';
import { legacyRules, type Alternatives, type LegacyRule } from './catalog.js';
import { chooseAlternative } from './choose.js';
import { isPlaceholder } from './normalise.js';
import { canonicalObjectType, objectTypeEntry, recordScope } from './object-types.js';
import type { Access, ScopeMatch } from './types.js';

export function findLegacyRule(normalised: string): LegacyRule | null {
  for (const { rule, regex } of legacyRules()) if (regex.test(normalised)) return rule;
  return null;
}

export function ruleConfidence(rule: LegacyRule, access: Access): string {
  return typeof rule.conf === 'string' ? rule.conf : rule.conf[access] ?? rule.conf.read ?? rule.conf.write ?? 'unverified';
}

function substituteType(alts: Alternatives, type: string | null): { alts: Alternatives; certain: boolean } {
  if (!alts.flat().some((s) => s.includes('<objectType>'))) return { alts, certain: true };
  if (!type) return { alts: [], certain: false };
  const e = objectTypeEntry(type);
  const sub = (s: string) => {
    if (s === 'crm.schemas.<objectType>.read' && e?.schemaRead) return e.schemaRead;
    if (s === 'crm.schemas.<objectType>.write' && e?.schemaWrite) return e.schemaWrite;
    // records: the object type's own scope (tickets: `tickets`)
    if (s === 'crm.objects.<objectType>.read') return recordScope(type, 'read') ?? s.replace('<objectType>', type);
    if (s === 'crm.objects.<objectType>.write') return recordScope(type, 'write') ?? s.replace('<objectType>', type);
    return s.replace('<objectType>', type);
  };
  return { alts: alts.map((alt) => alt.map(sub)), certain: true };
}

interface Half {
  scopes: string[];
  /** The rule documents nothing for this access class. */
  missing: boolean;
}

function half(rule: LegacyRule, access: Access, type: string | null, associated: readonly string[] = []): Half {
  const own = access === 'read' ? rule.read : rule.write;
  if (!own) return { scopes: [], missing: true };
  const { alts } = substituteType(own, type);
  return { scopes: ofAssociatedTypes(rule, alts, access, associated) ?? chooseAlternative(alts) ?? [], missing: false };
}

/**
 * A rule whose alternatives are the scopes of the object types a call associates (`bodyTypes`): with those types
 * known (from the request body), the alternatives of each of them; null when none of them has one.
 */
function ofAssociatedTypes(rule: LegacyRule, alts: Alternatives, access: Access, associated: readonly string[]): string[] | null {
  if (!rule.bodyTypes || !associated.length) return null;
  const out = new Set<string>();
  for (const t of associated) {
    const own = objectTypeEntry(t)?.[access] ?? [];
    const alt = alts.find((a) => a.length > 0 && a.every((s) => own.includes(s)));
    if (alt) for (const s of alt) out.add(s);
  }
  return out.size ? [...out].sort() : null;
}

/**
 * Scopes of a call matched by a legacy rule. `objectType`: the call's object type, or the object types it associates
 * (a list, read from the request body for rules with `bodyTypes`).
 */
export function scopesFromRule(rule: LegacyRule, method: HttpMethod | null, normalised: string, objectType?: string | readonly string[]): ScopeMatch {
  const associated = typeof objectType === 'string' || !objectType ? [] : objectType;
  const given = typeof objectType === 'string' ? objectType : undefined;
  let type: string | null = null;
  if (rule.typeSeg !== undefined) {
    const seg = normalised.split('/')[rule.typeSeg];
    type = canonicalObjectType(seg && !isPlaceholder(seg) ? seg : given);
  }
  const notes: string[] = [];
  const result: ScopeMatch = {
    scopes: [],
    uncertain: [],
    developerKey: false,
    matched: 'legacy-rule',
    confidence: ruleConfidence(rule, method ? accessOf(method, normalised) : 'read'),
    pattern: rule.id,
    version: normalised.split('/').find((s) => /^v\d+$/.test(s)),
  };
  if (type) result.objectType = type;
  if (rule.typeSeg !== undefined && !type) notes.push('object type unknown: needs crm.schemas.<objectType>.read/write of the type used');

  const accesses: Access[] = method ? [accessOf(method, normalised)] : ['read', 'write'];
  accesses.forEach((access, i) => {
    const certain = i === 0;
    const h = half(rule, access, type, associated);
    if (h.missing) {
      // nothing documented for this access class: the other half, as uncertain
      const other = half(rule, access === 'read' ? 'write' : 'read', type);
      if (certain) {
        result.uncertain.push(...other.scopes);
        notes.push(`no ${access} scope documented for ${rule.family}`);
      }
      return;
    }
    (certain ? result.scopes : result.uncertain).push(...h.scopes);
    const also = rule.also?.[access];
    if (also) result.uncertain.push(...also);
  });
  if (!method) notes.push('method unknown: write scopes listed as uncertain');
  if (rule.read?.length === 1 && rule.read[0].length === 0 && !rule.write) notes.push('no scope needed: any valid token');
  if (!rule.read && !rule.write) notes.push(`no scope documented for ${rule.family}`);
  result.scopes = [...new Set(result.scopes)].sort();
  result.uncertain = [...new Set(result.uncertain)].filter((s) => !result.scopes.includes(s)).sort();
  if (notes.length) result.note = notes.join('; ');
  return result;
}
