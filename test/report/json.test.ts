import { describe, expect, it } from 'vitest';
import type { Site } from '../../src/model/site.js';
import { renderJson } from '../../src/report/json.js';
import { KEY, makeReport, SITES } from './fixture.js';
import { expectGolden } from './golden.js';

describe('renderJson', () => {
  const text = renderJson(makeReport());
  const parsed = JSON.parse(text);

  it('is pretty-printed with 2 spaces and ends with a newline', () => {
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "tool": {\n    "name": "migrate-hapikey",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('puts keys in the spec order, then the additive fields', () => {
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'tool', 'root', 'mode', 'summary', 'scopes', 'sites', 'skipped', 'token', 'changes', 'tokenSources']);
    expect(Object.keys(parsed.summary)).toEqual(['filesScanned', 'filesSkipped', 'sites', 'byStatus', 'applied', 'unresolvedRequests']);
    expect(Object.keys(parsed.summary.byStatus)).toEqual(['auto', 'manual', 'developer-key', 'ignored']);
    expect(Object.keys(parsed.sites[3])).toEqual(['id', 'file', 'line', 'column', 'language', 'pattern', 'status', 'reason', 'message', 'applied', 'requests', 'secret', 'category', 'token', 'flags']);
    expect(Object.keys(parsed.sites[3].requests[0])).toEqual(['file', 'line', 'client', 'method', 'path', 'scopes', 'lifecycle', 'unresolved']);
    expect(Object.keys(parsed.sites[3].requests[0].lifecycle)).toEqual(['status', 'date', 'replacement', 'note']);
    expect(Object.keys(parsed.sites[5].requests[1])).toEqual(['file', 'line', 'client', 'method', 'path', 'scopes', 'lifecycle', 'call', 'scopesUncertain', 'unresolved']);
  });

  it('does not depend on the key order of the input', () => {
    const shuffled = makeReport();
    const reversed = Object.fromEntries(Object.entries(shuffled).reverse()) as typeof shuffled;
    reversed.sites = shuffled.sites.map((s) => Object.fromEntries(Object.entries(s).reverse()) as Site);
    expect(renderJson(reversed)).toBe(text);
  });

  it('keeps null where the spec has null, and leaves absent optional fields out', () => {
    expect(parsed.sites[0].secret).toBeNull();
    expect(parsed.sites[2].requests[0].lifecycle).toBeNull();
    expect('token' in parsed.sites[2]).toBe(false);
    expect('flags' in parsed.sites[0]).toBe(false);
  });

  it('writes a secret only as kind, masked and fingerprint, and never the raw key', () => {
    const leaky = makeReport({
      sites: SITES.map((s) => (s.secret ? { ...s, secret: { ...s.secret, raw: KEY } as Site['secret'] } : s)),
    });
    const out = renderJson(leaky);
    expect(Object.keys(JSON.parse(out).sites[3].secret)).toEqual(['kind', 'masked', 'fingerprint']);
    expect(out).not.toContain(KEY);
    expect(text).not.toContain(KEY);
  });

  it('masks key literals in the diffs of `changes`', () => {
    const sync = parsed.changes.find((c: { file: string }) => c.file === 'legacy/sync.js');
    expect(sync.diff).toContain('-const HAPIKEY = ');
    expect(sync.diff).not.toContain(KEY);
  });

  it('matches the golden report.json', () => {
    expectGolden('report.json', text);
  });
});
