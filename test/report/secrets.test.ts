// The hard-coded key of the fixture must never appear unmasked in any output meant for people or tools,
// except changes.patch (it must apply) and the diff/markdown when --show-secrets is given.
import { describe, expect, it } from 'vitest';
import { renderCheckLine } from '../../src/report/check.js';
import { masker } from '../../src/report/mask.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderPatch } from '../../src/report/patch.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderDiff, renderSummary } from '../../src/report/terminal.js';
import { KEY, makeReport, PLANS, SITES } from './fixture.js';

// The key also slipped into free text (a message, a skip reason): still masked everywhere.
const report = makeReport({
  sites: SITES.map((s) => (s.secret ? { ...s, message: `Literal '${KEY}' feeds the query string.` } : s)),
  skipped: [{ file: 'src/broken.ts', reason: 'parse-error', message: `Unexpected token near '${KEY}'` }],
});

const outputs: Record<string, string> = {
  'report.md': renderMarkdown({ report, plans: PLANS, showSecrets: false }),
  'report.json': renderJson(report),
  'report.sarif': renderSarif(report, PLANS),
  summary: renderSummary(report, { color: false, outDir: 'out' }),
  'summary (color)': renderSummary(report, { color: true }),
  diff: renderDiff(PLANS, { color: false, showSecrets: false }),
  'diff (color)': renderDiff(PLANS, { color: true, showSecrets: false }),
  check: renderCheckLine(report),
};

describe('secrets', () => {
  it.each(Object.keys(outputs))('%s never contains the raw key', (name) => {
    expect(outputs[name]).not.toContain(KEY);
    expect(outputs[name]).not.toContain(KEY.toUpperCase());
  });

  it('changes.patch does contain it: it must apply', () => {
    expect(renderPatch(PLANS)).toContain(KEY);
  });

  it('--show-secrets shows it in report.md and the diff', () => {
    expect(renderMarkdown({ report, plans: PLANS, showSecrets: true })).toContain(KEY);
    expect(renderDiff(PLANS, { color: false, showSecrets: true })).toContain(KEY);
  });
});

describe('masker', () => {
  const mask = masker(SITES);

  it('masks a known secret even with no key context around it, and leaves other UUIDs alone', () => {
    const formGuid = '0f1e2d3c-0000-4000-8000-00000000cafe';
    expect(mask(`form ${formGuid}, literal ${KEY}.`)).toBe(`form ${formGuid}, literal ****-…-0abc.`);
  });

  it('is maskAll when the scan found no secret', () => {
    expect(masker([])(`hapikey=${KEY}`)).not.toContain(KEY);
    expect(masker([])(`id ${KEY}`)).toBe(`id ${KEY}`);
  });
});
