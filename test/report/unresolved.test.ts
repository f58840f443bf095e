// Honest unknowns: a call whose endpoint could not be resolved is listed with file:line and its reason in
// every output, and no output states a scope count as if complete (never "0 scopes") while there are such
// calls or key uses whose calls were not found. A report without them reads as before.
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderSummary } from '../../src/report/terminal.js';
import { countUnresolved, fillUnresolved, scopeGaps, unresolvedReason } from '../../src/report/unresolved.js';
import { makeReport, PLANS, resolvedReport, SITES, unknownOnlyReport } from './fixture.js';

const terminal = (r = makeReport()) => renderSummary(r, { color: false });
const markdown = (r = makeReport()) => renderMarkdown({ report: r, plans: PLANS, showSecrets: false });
const json = (r = makeReport()) => JSON.parse(renderJson(r));
const sarif = (r = makeReport()) => JSON.parse(renderSarif(r, PLANS)) as Log;

describe('unresolved reasons', () => {
  it('null when the path is known, the scan\'s reason, else `unknown`', () => {
    const [fetchCall] = SITES[2].requests;
    const [, apiRequest] = SITES[5].requests;
    expect(unresolvedReason(SITES[0].requests[0])).toBeNull();
    expect(unresolvedReason(fetchCall)).toBe('dynamic-path');
    expect(unresolvedReason(apiRequest)).toBe('unknown');
  });

  it('fillUnresolved writes them into the model; counts only auto/manual sites', () => {
    const sites = structuredClone(SITES);
    fillUnresolved(sites);
    expect(sites.flatMap((s) => s.requests.map((r) => r.unresolved))).toEqual([null, null, 'dynamic-path', null, null, null, 'unknown', null, null]);
    expect(countUnresolved(sites)).toBe(2);
    const dev = structuredClone(SITES[6]);
    dev.requests[0].path = null;
    expect(countUnresolved([dev])).toBe(0);
  });

  it('a key use that feeds no call we found is a gap too', () => {
    const g = scopeGaps(unknownOnlyReport().sites);
    expect([g.calls.length, g.sitesWithoutCalls.map((s) => s.file), g.total]).toEqual([2, ['jobs/sync.py'], 3]);
    expect(scopeGaps(resolvedReport().sites).total).toBe(0);
  });
});

describe('terminal summary', () => {
  it('lists each unresolved call with file:line and reason, and does not state the scope count as complete', () => {
    const out = terminal();
    expect(out).toContain('with at least these scopes (2 calls whose scopes are unknown, below):');
    expect(out).not.toMatch(/with \d+ scopes?:/);
    expect(out).toContain('Scopes unknown (2): check what each calls and add the scopes it needs:\n  src/client.ts:10   unknown       apiRequest\n  src/hubspot.ts:26  dynamic-path  fetch call\n');
  });

  it('never says "0 scopes" when nothing is resolved', () => {
    const out = terminal(unknownOnlyReport());
    expect(out).not.toMatch(/\b0 scopes?\b/);
    expect(out).toContain('Create a Service Key (Settings › Integrations › Service Keys); its scopes are not known yet (2 calls whose scopes are unknown and 1 key use whose calls were not found, below).');
    expect(out).toContain('  jobs/sync.py:4     no-calls-found  key use');
  });

  it('lists at most 5 and points at report.md for the rest', () => {
    const base = unknownOnlyReport();
    const many = Array.from({ length: 7 }, (_, i) => ({ ...base.sites[2], id: `s-${i}`, line: i + 1 }));
    const out = terminal({ ...base, sites: many });
    expect(out).toContain('Scopes unknown (7)');
    expect(out).toContain('  …and 2 more in report.md');
  });

  it('without unresolved calls it reads as before', () => {
    const out = terminal(resolvedReport());
    expect(out).toContain('Create a Service Key (Settings › Integrations › Service Keys) with 4 scopes:\n  crm.lists.read\n');
    expect(out).not.toMatch(/unknown|not known/i);
  });
});

describe('report.md', () => {
  it('lists each unresolved call with a file:line link, its reason and what to check', () => {
    const md = markdown();
    expect(md).toContain('## Calls with unknown scopes (2)\n');
    expect(md).toContain('- [ ] [src/client.ts:10](src/client.ts#L10) `apiRequest`, `unknown`: the endpoint could not be determined; check which endpoint this call reaches.');
    expect(md).toContain('- [ ] [src/hubspot.ts:26](src/hubspot.ts#L26) fetch call, `dynamic-path`: the URL or path is built at run time; find which endpoints it calls.');
    expect(md).toContain('### Scopes to tick (4 known, 2 unresolved)');
    expect(md).not.toMatch(/with the 4 scopes below/);
  });

  it('never says "0 scopes" when nothing is resolved', () => {
    const md = markdown(unknownOnlyReport());
    expect(md).not.toMatch(/\b0 (known )?scopes?\b|\(0\)/);
    expect(md).toContain('### Scopes to tick (not known yet)');
    expect(md).toContain('Next: create a Service Key with the scopes of the 2 calls whose scopes are unknown and 1 key use whose calls were not found (under "Calls with unknown scopes")');
    expect(md).toContain('No scope could be determined yet: there are 2 calls whose scopes are unknown and 1 key use whose calls were not found.');
    expect(md).toContain('- [ ] [jobs/sync.py:4](jobs/sync.py#L4) key use, `no-calls-found`: no HTTP call was found for this key;');
    expect(md).toContain('| [jobs/sync.py:4](jobs/sync.py#L4) | — | — | unknown (`no-calls-found`) | — | **manual** |');
  });

  it('without unresolved calls it has no such section and the plain scope count', () => {
    const md = markdown(resolvedReport());
    expect(md).not.toContain('Calls with unknown scopes');
    expect(md).toContain('### Scopes to tick (4)\n\n- [ ] crm.lists.read');
    expect(md).toContain('Next: create a Service Key with the 4 scopes below,');
  });
});

describe('report.json', () => {
  it('requests[].unresolved holds the reason when path is null, summary.unresolvedRequests the count', () => {
    const j = json();
    expect(j.summary.unresolvedRequests).toBe(2);
    const unresolved = j.sites.flatMap((s: { requests: Array<{ file: string; line: number; path: string | null; unresolved: string | null }> }) => s.requests)
      .filter((r: { unresolved: string | null }) => r.unresolved !== null)
      .map((r: { file: string; line: number; path: string | null; unresolved: string }) => [r.file, r.line, r.path, r.unresolved]);
    expect(unresolved).toEqual([['src/hubspot.ts', 26, null, 'dynamic-path'], ['src/client.ts', 10, null, 'unknown']]);
  });

  it('derives the count when the run did not set it', () => {
    const r = makeReport();
    const { unresolvedRequests: _, ...rest } = r.summary;
    expect(json({ ...r, summary: rest as typeof r.summary }).summary.unresolvedRequests).toBe(2);
  });

  it('without unresolved calls: every unresolved is null and the count 0', () => {
    const j = json(resolvedReport());
    expect(j.summary.unresolvedRequests).toBe(0);
    expect(j.sites.flatMap((s: { requests: Array<{ unresolved: unknown }> }) => s.requests.map((r) => r.unresolved)).every((u: unknown) => u === null)).toBe(true);
  });
});

describe('report.sarif', () => {
  it('a note per unresolved call at its file:line, and the reason on the related location', () => {
    const log = sarif();
    const notes = log.runs[0].invocations![0].toolExecutionNotifications!.filter((n) => n.descriptor!.id!.startsWith('unresolved/'));
    expect(notes.map((n) => [n.descriptor!.id, n.level, n.locations![0].physicalLocation!.artifactLocation!.uri, n.locations![0].physicalLocation!.region!.startLine])).toEqual([
      ['unresolved/unknown', 'note', 'src/client.ts', 10],
      ['unresolved/dynamic-path', 'note', 'src/hubspot.ts', 26],
    ]);
    expect(notes[1].message.text).toContain('Scopes unknown for this fetch call (dynamic-path)');
    const related = log.runs[0].results!.flatMap((r) => r.relatedLocations ?? []).map((l) => l.message!.text);
    expect(related).toContain('fetch call (endpoint unknown: dynamic-path): scopes unknown; maybe crm.objects.companies.read');
  });

  it('a key use whose calls were not found gets a note too', () => {
    const notes = sarif(unknownOnlyReport()).runs[0].invocations![0].toolExecutionNotifications!;
    expect(notes.map((n) => n.descriptor!.id)).toContain('unresolved/no-calls-found');
  });

  it('without unresolved calls: only the skipped-file notifications', () => {
    const notes = sarif(resolvedReport()).runs[0].invocations![0].toolExecutionNotifications!;
    expect(notes.map((n) => n.descriptor!.id)).toEqual(['skipped/parse-error', 'skipped/minified']);
  });
});

describe('uncertain scopes of an unknown library method', () => {
  it('report.md says they come from the API family', () => {
    const base = unknownOnlyReport();
    const sdk = base.sites[1];
    const req = { ...sdk.requests[0], call: 'crm.contacts.basicApi.someFutureMethod', unresolved: 'unknown-method', scopesUncertain: ['crm.objects.contacts.write'] };
    const md = markdown({ ...base, sites: [{ ...sdk, requests: [req] }], scopes: { required: [], uncertain: ['crm.objects.contacts.write'] } });
    expect(md).toContain('- [ ] crm.objects.contacts.write: needed only if [src/client.ts:10](src/client.ts#L10) (`crm.contacts.basicApi.someFutureMethod`) turns out to need it (its library method is not in our maps: these are the scopes of its API family).');
    expect(md).toContain('`crm.contacts.basicApi.someFutureMethod`, `unknown-method`: a client-library method we have no endpoint for; look up the endpoint it calls.');
  });
});

describe('every call resolved, but no scope certain', () => {
  const base = resolvedReport();
  const report = { ...base, scopes: { required: [], uncertain: ['crm.objects.companies.read', 'crm.objects.deals.read'] } };
  it('neither the summary nor report.md says "0 scopes"', () => {
    const out = terminal(report);
    expect(out).not.toMatch(/\b0 scopes?\b/);
    expect(out).toContain('with those of these scopes your calls need (none is certain: it depends on run-time arguments):\n  maybe crm.objects.companies.read');
    const md = markdown(report);
    expect(md).not.toMatch(/\b0 scopes?\b|\(0\)/);
    expect(md).toContain('### Scopes to tick (none certain)');
    expect(md).toContain('Next: create a Service Key with those of the scopes that may be needed (below) that your calls use,');
  });
});
