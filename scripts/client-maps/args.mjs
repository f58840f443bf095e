// Which argument of a library method fills each object-type placeholder of its path
// (`crm.contacts.associationsApi.getAll(contactId, toObjectType)` → `{toObjectType}` is argument 1), merged over
// the versions read, and written to src/scopes/client-args.json. The scan evaluates that argument: a literal
// object type names the endpoint's object (and so its scopes).

/**
 * perVersion: [{ version, args: { chain: { path: { '{toObjectType}': 1 } } } }]. One index per chain and
 * placeholder when every version that has it agrees; a placeholder whose index differs between versions or paths is
 * left out (listed in `conflicts`), so no argument is ever read at the wrong position.
 */
export function mergeArgs(perVersion) {
  const seen = new Map(); // chain → Map<placeholder, Set<index>>
  for (const { args = {} } of perVersion) {
    for (const [chain, byPath] of Object.entries(args)) {
      const m = seen.get(chain) ?? seen.set(chain, new Map()).get(chain);
      for (const typeArgs of Object.values(byPath)) {
        for (const [placeholder, index] of Object.entries(typeArgs)) (m.get(placeholder) ?? m.set(placeholder, new Set()).get(placeholder)).add(index);
      }
    }
  }
  const chains = {};
  const conflicts = [];
  for (const chain of [...seen.keys()].sort()) {
    const out = {};
    for (const [placeholder, indexes] of [...seen.get(chain)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (indexes.size === 1) out[placeholder] = [...indexes][0];
      else conflicts.push(`${chain} ${placeholder}: arguments ${[...indexes].sort().join(', ')}`);
    }
    if (Object.keys(out).length) chains[chain] = out;
  }
  return { chains, conflicts };
}

/** One library per block, one chain per line, keys sorted. */
export function serialiseArgs(result) {
  const lines = ['{', '"libraries": {'];
  const libs = Object.keys(result.libraries).sort();
  libs.forEach((id, i) => {
    const { chains, conflicts } = result.libraries[id];
    lines.push(`${JSON.stringify(id)}: {`, '"chains": {');
    const cs = Object.keys(chains);
    cs.forEach((c, n) => lines.push(`${JSON.stringify(c)}: ${JSON.stringify(chains[c])}${n < cs.length - 1 ? ',' : ''}`));
    lines.push('},', `"conflicts": ${JSON.stringify(conflicts)}`);
    lines.push('}' + (i < libs.length - 1 ? ',' : ''));
  });
  lines.push('}', '}');
  return lines.join('\n') + '\n';
}
