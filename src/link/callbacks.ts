// A value handed to the callback of a higher-order function another module imports:
// `export function withClient(cb) { return cb(new Client({ apiKey })) }` and elsewhere
// `withClient(async (client) => client.crm.contacts.basicApi.getPage())`. The importers' calls of the function are
// found as calls through it; the function each one gives as the callback has the value as its parameter.
import { ts, unwrap } from '../scan/ast.js';
import { usesOfParameter, type Escape, type ReceiverUses } from '../scan/receivers.js';
import { resolveFunction } from '../scan/url.js';
import type { ParsedFile, Program } from './program.js';

type CallbackEscape = Extract<Escape, { kind: 'callback' }>;
type Values = Array<{ file: string; node: ts.Expression; bindings: ParsedFile['bindings'] }> | null;
/** The calls of export `name` of `file` in its importers (as link.ts's followExport finds uses of an export). */
type CallsOfExport = (file: string, name: string) => Array<{ file: string; uses: ReceiverUses }>;

export function followCallback(program: Program, escape: CallbackEscape, file: string, callsOfExport: CallsOfExport, values: Values): Array<{ file: string; uses: ReceiverUses }> {
  const out: Array<{ file: string; uses: ReceiverUses }> = [];
  for (const found of callsOfExport(file, escape.name)) {
    const pf = program.parsed(found.file);
    if (!pf) continue;
    const onValue = values ? (node: ts.Expression): void => { values.push({ file: found.file, node, bindings: pf.bindings }); } : undefined;
    for (const c of found.uses.calls) {
      // only a direct call of the function: `withClient(cb)` (`ns.withClient(cb)` arrives with the same empty chain)
      if (c.chain.length) continue;
      const arg = c.call.arguments[escape.index];
      if (!arg) continue;
      const a = unwrap(arg);
      const fn = ts.isArrowFunction(a) || ts.isFunctionExpression(a) ? a : ts.isIdentifier(a) ? resolveFunction(a) : null;
      if (fn) out.push({ file: found.file, uses: usesOfParameter(fn, escape.param, pf.bindings, escape.path, onValue) });
    }
  }
  return out;
}
