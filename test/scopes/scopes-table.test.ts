// Table-driven: every hand-written (method, path) case of test/scopes/cases/*.
import { describe, expect, it } from 'vitest';
import { scopesFor } from '../../src/scopes/index.js';
import { currentGroups } from './cases/current.js';
import { datedGroups } from './cases/dated.js';
import { developerGroups } from './cases/developer.js';
import { legacyGroups } from './cases/legacy.js';
import type { CaseGroup, ScopeCase } from './cases/types.js';
import { unknownGroups } from './cases/unknown.js';

const groups: CaseGroup[] = [...legacyGroups, ...currentGroups, ...datedGroups, ...developerGroups, ...unknownGroups];
const sorted = (a: string[]) => [...a].sort();

function label(c: ScopeCase): string {
  return `${c.method ?? '(method unknown)'} ${c.path ?? '(no path)'}${c.objectType ? ` [${c.objectType}]` : ''}`;
}

describe('scopesFor: hand-written cases', () => {
  it('has at least 150 cases', () => {
    expect(groups.reduce((n, g) => n + g.cases.length, 0)).toBeGreaterThanOrEqual(150);
  });

  for (const group of groups) {
    describe(`${group.name} (source: ${group.source.slice(0, 80)}…)`, () => {
      it.each(group.cases.map((c) => [label(c), c] as const))('%s', (_, c) => {
        const r = scopesFor(c.method, c.path, c.objectType);
        if (c.scopes) expect(r.scopes).toEqual(sorted(c.scopes));
        if (c.oneOf) expect(c.oneOf.map(sorted)).toContainEqual(r.scopes);
        if (c.within) {
          for (const s of c.within.must) expect(r.scopes).toContain(s);
          for (const s of r.scopes) expect(c.within.within).toContain(s);
        }
        if (c.uncertain) expect(r.uncertain).toEqual(sorted(c.uncertain));
        if (c.uncertainIncludes) for (const s of c.uncertainIncludes) expect(r.uncertain).toContain(s);
        expect(r.developerKey).toBe(c.developerKey ?? false);
        if (c.matched) expect(r.matched).toBe(c.matched);
        if (c.unsupported !== undefined) expect(Boolean(r.unsupportedForPrivateApps)).toBe(c.unsupported);
        // invariants
        expect(r.scopes).toEqual(sorted(r.scopes));
        expect(r.uncertain).toEqual(sorted(r.uncertain));
        for (const s of r.uncertain) expect(r.scopes).not.toContain(s);
      });
    });
  }
});
