// A value handed to the callback of a higher-order function another module imports:
// `export function withClient(cb) { return cb(new Client({ apiKey })) }` and elsewhere
// `withClient(async (client) => client.crm.contacts.basicApi.getPage())`, or of a method of an exported class,
// called on its instances (`new Crm().withAPI(async (api) => …)`, also where a factory or a parameter takes the
// instance). The importers' calls of the function are found as calls through it; the function each one gives as the
// callback has the value as its parameter.
import { ts, unwrap } from '../scan/ast.js';
import { usesOfParameter, type Escape, type ReceiverUses } from '../scan/receivers.js';
import { resolveFunction } from '../scan/url.js';
import { INSTANCE } from '../scan/classes.js';
import type { ParsedFile, Program } from './program.js';

type CallbackEscape = Extract<Escape, { kind: 'callback' }>;
type Values = Array<{ file: string; node: ts.Expression; bindings: ParsedFile['bindings'] }> | null;
type Found = Array<{ file: string; uses: ReceiverUses }>;
/** The uses of a value leaving `file` by `escape` (an export or an argument), as link.ts finds them. */
type Follow = (file: string, escape: Escape) => Found;

/** How many places the higher-order function (or its class's instances) is followed to, per callback escape. */
const MAX_STEPS = 200;

export function followCallback(program: Program, escape: CallbackEscape, file: string, follow: Follow, values: Values): Found {
  const out: Found = [];
  // the function itself, the class (a static method), or its instances (`new Client(…)`)
  const expect = escape.member !== null && escape.instance ? [INSTANCE] : [];
  const chain = escape.member ?? '';
  const queue: Array<{ file: string; escape: Escape }> = [{ file, escape: { kind: 'export', name: escape.name, path: { expect, prefix: [] }, line: escape.line } }];
  const seen = new Set<string>();
  for (let steps = 0; queue.length && steps < MAX_STEPS; steps++) {
    const next = queue.shift()!;
    const { line: _line, ...where } = next.escape;
    const key = `${next.file}\0${JSON.stringify(where)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const found of follow(next.file, next.escape)) {
      const pf = program.parsed(found.file);
      if (!pf) continue;
      const onValue = values ? (node: ts.Expression): void => { values.push({ file: found.file, node, bindings: pf.bindings }); } : undefined;
      for (const c of found.uses.calls) {
        // a call of the function (`withClient(cb)`, also `ns.withClient(cb)`) or of the method (`client.withAPI(cb)`)
        if (c.chain.join('.') !== chain) continue;
        const arg = c.call.arguments[escape.index];
        if (!arg) continue;
        const a = unwrap(arg);
        const fn = ts.isArrowFunction(a) || ts.isFunctionExpression(a) ? a : ts.isIdentifier(a) ? resolveFunction(a) : null;
        if (fn) out.push({ file: found.file, uses: usesOfParameter(fn, escape.param, pf.bindings, escape.path, onValue) });
      }
      // the function or the instance goes on (a factory that returns it, a function it is given to)
      for (const e of found.uses.escapes) if (e.kind === 'export' || e.kind === 'argument') queue.push({ file: found.file, escape: e });
    }
  }
  return out;
}
