// Correctness of one dry run on a generated tree: compare the JSON report's `sites` with what the generator
// planted (manifest), per pattern, and check that nothing ignored (node_modules, dist, coverage, nested-ignored
// scratch files) or minified was reported.
import { readFileSync } from 'node:fs';

/** Parse the CLI's stdout file. Returns the report or throws with a short reason. */
export function readReport(file) {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`stdout is not JSON (${e.message}); first 200 chars: ${JSON.stringify(text.slice(0, 200))}`);
  }
}

/**
 * Returns { ok, lines: [text], byPattern: { pattern: { planted, found, statuses } }, ignoredHits, unexpected }.
 * A planted site counts as found when the report has a site in the same file whose line is within the planted
 * snippet's lines. A found site with a status outside the pattern's expectation is listed, not failed.
 */
export function verify(report, manifest, patterns) {
  const lines = [];
  const sites = Array.isArray(report.sites) ? report.sites : [];
  const byFile = new Map();
  for (const s of sites) {
    const f = String(s.file ?? '').replace(/\\/g, '/');
    if (!byFile.has(f)) byFile.set(f, []);
    byFile.get(f).push(s);
  }
  const used = new Set();
  const extraInSnippets = [];
  const byPattern = {};
  for (const p of manifest.planted) {
    const slot = (byPattern[p.pattern] ??= { planted: 0, found: 0, statuses: {}, wrongStatus: 0, viaNegation: 0, viaNegationFound: 0 });
    slot.planted++;
    if (p.via === 'negated-gitignore') slot.viaNegation++;
    const hits = (byFile.get(p.file) ?? []).filter((s) => s.line >= p.startLine && s.line <= p.endLine);
    for (const h of hits) used.add(h);
    if (!hits.length) continue;
    slot.found++;
    if (p.via === 'negated-gitignore') slot.viaNegationFound++;
    // The key use itself; other sites in the snippet (e.g. the `const key = process.env.X` declaration, reported
    // as config-declaration) are counted apart.
    const primary = hits.find((h) => h.category !== 'P30_CONFIG_DECL' && h.reason !== 'config-declaration') ?? hits[0];
    for (const h of hits) if (h !== primary) extraInSnippets.push(h);
    const st = primary.status;
    slot.statuses[st] = (slot.statuses[st] ?? 0) + 1;
    if (patterns[p.pattern] && !patterns[p.pattern].expect.includes(st)) slot.wrongStatus++;
  }
  const ignoredSet = new Map(manifest.ignoredKeyFiles.concat(manifest.skippedKeyFiles).map((x) => [x.file, x.why]));
  const mention = new Set(manifest.mentionOnly);
  const foreign = new Set(manifest.foreignApiKey);
  const ignoredHits = [];
  const mentionHits = [];
  const foreignHits = [];
  const unexpected = [];
  for (const s of sites) {
    if (used.has(s)) continue;
    const f = String(s.file ?? '');
    if (/(^|\/)(node_modules|dist|coverage)\//.test(f) || ignoredSet.has(f)) ignoredHits.push(s);
    else if (mention.has(f)) mentionHits.push(s);
    else if (foreign.has(f)) foreignHits.push(s);
    else unexpected.push(s);
  }
  let planted = 0;
  let found = 0;
  lines.push('pattern               found/planted  statuses of found sites');
  for (const [name, v] of Object.entries(byPattern).sort()) {
    planted += v.planted;
    found += v.found;
    const st = Object.entries(v.statuses).map(([k, n]) => `${k} ${n}`).join(', ');
    const exp = patterns[name]?.expect.join('|') ?? '?';
    lines.push(`${name.padEnd(22)}${`${v.found}/${v.planted}`.padStart(13)}  ${st || '-'}${v.wrongStatus ? `  (${v.wrongStatus} not ${exp})` : ''}${v.viaNegation ? `  [${v.viaNegationFound}/${v.viaNegation} in scratch/keep.js, re-included by !keep.js]` : ''}`);
  }
  lines.push(`${'total'.padEnd(22)}${`${found}/${planted}`.padStart(13)}`);
  if (extraInSnippets.length) lines.push(`plus ${extraInSnippets.length} more sites inside the planted snippets: ${countBy(extraInSnippets, 'reason')} (statuses: ${countBy(extraInSnippets, 'status')})`);
  const summary = report.summary ?? {};
  lines.push(`report: ${sites.length} sites, summary.filesScanned ${summary.filesScanned ?? '?'}, filesSkipped ${summary.filesSkipped ?? '?'}, byStatus ${JSON.stringify(summary.byStatus ?? {})}`);
  lines.push(`sites in ignored/skipped files (node_modules, dist, coverage, nested-ignored, minified; must be 0): ${ignoredHits.length}` +
    (ignoredHits.length ? `  e.g. ${ignoredHits.slice(0, 3).map((s) => `${s.file}:${s.line}`).join(', ')}` : ''));
  lines.push(`sites in files that only mention HubSpot (${manifest.mentionOnly.length} files; expect 0 or 'ignored'): ${mentionHits.length}` +
    (mentionHits.length ? ` (${countBy(mentionHits, 'status')})` : ''));
  lines.push(`sites in files with a non-HubSpot apiKey (${manifest.foreignApiKey.length} files; expect 0): ${foreignHits.length}`);
  lines.push(`other sites outside the planted snippets: ${unexpected.length}` +
    (unexpected.length ? `  e.g. ${unexpected.slice(0, 3).map((s) => `${s.file}:${s.line} ${s.status}/${s.reason}`).join(', ')}` : ''));
  const skipped = Array.isArray(report.skipped) ? report.skipped : [];
  const minified = manifest.skippedKeyFiles.filter((x) => x.why === 'minified');
  if (minified.length) {
    const listed = minified.filter((m) => skipped.some((s) => s.file === m.file)).length;
    lines.push(`minified vendor file listed in skipped: ${listed}/${minified.length}`);
  }
  const ok = found === planted && ignoredHits.length === 0 && foreignHits.length === 0;
  return { ok, found, planted, lines, ignoredHits: ignoredHits.length, unexpected: unexpected.length, mentionHits: mentionHits.length, foreignHits: foreignHits.length };
}

function countBy(xs, key) {
  const m = {};
  for (const x of xs) m[x[key]] = (m[x[key]] ?? 0) + 1;
  return Object.entries(m).map(([k, n]) => `${k} ${n}`).join(', ');
}
