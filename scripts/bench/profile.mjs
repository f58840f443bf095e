// Summarise V8 .cpuprofile files (from `node --cpu-prof`): top functions by self time, self time by package /
// file, and inclusive time by the project's own modules (dist/**), so the phases of a run can be read off.
//
//   node scripts/bench/profile.mjs FILE.cpuprofile [...]   (or import { summarizeProfile })
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where a frame's code lives: 'dist/run/run.js', 'typescript', 'ts-morph', 'node:internal', '(gc)', … */
function owner(url) {
  if (!url) return null;
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 14).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return url.split('/').slice(0, 3).join('/');
  const d = url.indexOf('/dist/');
  if (d >= 0) return url.slice(d + 1);
  return url.replace(/^file:\/\//, '');
}

export function summarizeProfile(profile, { top = 25 } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const selfOwner = new Map();
  const incl = new Map();
  let total = 0;
  let idle = 0;
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000; // ms; a sample's time is the gap to the next one
    const n = nodes.get(profile.samples[i]);
    const cf = n.callFrame;
    total += dt;
    if (cf.functionName === '(idle)') { idle += dt; continue; }
    const key = `${cf.functionName || '(anonymous)'}  ${owner(cf.url) ?? cf.functionName}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const o = owner(cf.url) ?? cf.functionName;
    selfOwner.set(o, (selfOwner.get(o) ?? 0) + dt);
    const seen = new Set();
    for (let id = n.id; id !== undefined; id = parent.get(id)) {
      const u = nodes.get(id).callFrame.url;
      let o2 = owner(u);
      if (o2?.startsWith('node:internal/modules')) o2 = 'module loading (node:internal/modules/*: import, require, compile)';
      else if (!o2?.startsWith('dist/')) continue;
      if (!seen.has(o2)) {
        seen.add(o2);
        incl.set(o2, (incl.get(o2) ?? 0) + dt);
      }
    }
  }
  const busy = total - idle;
  const fmt = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
  return {
    totalMs: total, idleMs: idle, busyMs: busy,
    selfTop: fmt(self, top),
    byOwner: fmt(selfOwner, 15),
    inclusiveOwn: fmt(incl, 20),
  };
}

export function formatSummary(s, title) {
  const pct = (ms) => `${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / (s.busyMs || 1)).toFixed(1).padStart(5)} %`;
  const out = [`${title}: ${s.totalMs.toFixed(0)} ms sampled, ${s.busyMs.toFixed(0)} ms busy (${s.idleMs.toFixed(0)} ms idle)`];
  out.push('  self time by package / file (% of busy):');
  for (const [k, v] of s.byOwner) out.push(`    ${pct(v)}  ${k}`);
  out.push('  top functions by self time:');
  for (const [k, v] of s.selfTop) out.push(`    ${pct(v)}  ${k}`);
  if (s.inclusiveOwn.length) {
    out.push("  inclusive time of the project's modules and of module loading (time with it on the stack):");
    for (const [k, v] of s.inclusiveOwn) out.push(`    ${pct(v)}  ${k}`);
  }
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const f of process.argv.slice(2)) console.log(formatSummary(summarizeProfile(JSON.parse(readFileSync(f, 'utf8'))), f));
}
