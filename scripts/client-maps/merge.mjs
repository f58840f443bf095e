// Merging per-version facts into client-maps.json, and writing it.

/**
 * Versions as ranges over the library's ordered version list: contiguous runs become `first..last`,
 * single versions stay as they are, runs are joined with `,` (`3.0.1..5.0.0,8.9.0`). The full list
 * gives null (the entry then carries no versions: every version read has it).
 */
export function versionRanges(all, have) {
  if (all.every((v) => have.has(v))) return null;
  const runs = [];
  let run = null;
  for (const v of all) {
    if (have.has(v)) {
      if (run) run[1] = v;
      else runs.push((run = [v, v]));
    } else run = null;
  }
  return runs.map(([a, b]) => (a === b ? a : `${a}..${b}`)).join(',');
}

/** Inverse of versionRanges: the versions a range string names (null or absent: all). */
export function expandRanges(all, ranges) {
  if (!ranges) return [...all];
  const out = [];
  for (const part of ranges.split(',')) {
    const [a, b = a] = part.split('..');
    const i = all.indexOf(a);
    const j = all.indexOf(b);
    if (i < 0 || j < i) throw new Error(`bad version range ${part}`);
    out.push(...all.slice(i, j + 1));
  }
  return out;
}

/**
 * perVersion: [{ version, chains: { chain: [[verb, path], …] }, dynamic, notDerived: [message…] }] in
 * the order of lib.versions. Identical chain → endpoint facts are stored once, with the versions that
 * have them as ranges (none when every version has them).
 */
export function merge(lib, perVersion) {
  const all = new Map(); // chain → Map<"VERB path", Set<version>>
  const notes = new Map(); // message → Set<version>
  for (const { version, chains, notDerived = [] } of perVersion) {
    for (const [chain, eps] of Object.entries(chains)) {
      const m = all.get(chain) ?? new Map();
      for (const [verb, path] of eps) {
        const key = `${verb} ${path}`;
        (m.get(key) ?? m.set(key, new Set()).get(key)).add(version);
      }
      all.set(chain, m);
    }
    for (const n of notDerived) (notes.get(n) ?? notes.set(n, new Set()).get(n)).add(version);
  }
  const chains = {};
  for (const chain of [...all.keys()].sort()) {
    chains[chain] = [...all.get(chain)]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, versions]) => {
        const [verb, ...rest] = key.split(' ');
        const e = [verb, rest.join(' ')];
        const r = versionRanges(lib.versions, versions);
        if (r) e.push(r);
        return e;
      });
  }
  const notDerived = [...notes.keys()].sort().map((n) => {
    const r = versionRanges(lib.versions, notes.get(n));
    return r ? `${n} [${r}]` : n;
  });
  const dynamic = Object.assign({}, ...perVersion.map((v) => v.dynamic));
  return { package: lib.package, versions: lib.versions, chains, dynamic, notDerived };
}

function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

// One library key per block, one chain (or note) per line; keys sorted.
export function serialise(result) {
  const lines = ['{', '"libraries": {'];
  const libs = Object.keys(result.libraries).sort();
  libs.forEach((id, i) => {
    const lib = result.libraries[id];
    lines.push(`${JSON.stringify(id)}: {`);
    const keys = Object.keys(lib).sort();
    keys.forEach((k, j) => {
      const comma = j < keys.length - 1 ? ',' : '';
      const v = lib[k];
      if (k === 'chains') {
        lines.push('"chains": {');
        const cs = Object.keys(v);
        cs.forEach((c, n) => lines.push(`${JSON.stringify(c)}: ${JSON.stringify(v[c])}${n < cs.length - 1 ? ',' : ''}`));
        lines.push('}' + comma);
      } else if (k === 'notDerived') {
        lines.push('"notDerived": [');
        v.forEach((s, n) => lines.push(JSON.stringify(s) + (n < v.length - 1 ? ',' : '')));
        lines.push(']' + comma);
      } else {
        lines.push(`${JSON.stringify(k)}: ${JSON.stringify(sortKeys(v))}${comma}`);
      }
    });
    lines.push('}' + (i < libs.length - 1 ? ',' : ''));
  });
  lines.push('}', '}');
  return lines.join('\n') + '\n';
}

