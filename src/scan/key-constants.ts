// A hard-coded key held in a constant (`const SOURCE_KEY = '0f1e…'`): once every use of the constant is rewritten
// to read the token from the environment, the declaration is left unused and the key still ships. Its line is then
// removed in the same plan (the line alone: comments above it and the rest of the file stay). Where the constant
// is still used after the rewrite, the sites that read the key through it become manual: the literal would stay.
import type { TextEdit } from '../model/edit.js';
import type { Site } from '../model/site.js';
import { ts, hasModifier, declarationOf, unwrap, walk } from './ast.js';

const KEY_LITERAL = /^\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|pat-[a-z0-9-]+)\s*$/i;

type Reason = 'key-constant-still-used' | 'key-constant-shared-line';

export interface KeyConstantOutcome {
  /** Removal edits to add to a site's edits (the same edit, `requires` every site that used the constant). */
  removals: Map<string, TextEdit[]>;
  /** Sites whose rewrite would leave the constant, and its key, in use: with the reason code. */
  demote: Map<string, Reason>;
}

interface Candidate {
  decl: ts.VariableDeclaration;
  stmt: ts.VariableStatement;
  name: string;
  refs: ts.Identifier[];
  /** `export const`: other modules may read it, so it stays in use. */
  exported: boolean;
}

/** References to `decl`'s name in the file (not property names, not the declaration itself). */
function referencesOf(sf: ts.SourceFile, decl: ts.VariableDeclaration, name: string): ts.Identifier[] {
  const out: ts.Identifier[] = [];
  walk(sf, (n) => {
    if (!ts.isIdentifier(n) || n.text !== name || n === decl.name) return;
    const p = n.parent;
    if ((ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n) || (ts.isQualifiedName(p) && p.right === n)) return;
    if (ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p)) return;
    if (declarationOf(n) === decl) out.push(n);
  });
  return out;
}

/** Declarations of a key literal, or of a constant holding one (`const B = A`), each alone in its statement. */
function candidates(sf: ts.SourceFile): Candidate[] {
  const out: Candidate[] = [];
  const holds = new Set<ts.VariableDeclaration>();
  walk(sf, (n) => {
    if (!ts.isVariableStatement(n) || n.declarationList.declarations.length !== 1) return;
    if (hasModifier(n, ts.SyntaxKind.DeclareKeyword)) return;
    const decl = n.declarationList.declarations[0];
    if (!ts.isIdentifier(decl.name) || !decl.initializer) return;
    const exported = hasModifier(n, ts.SyntaxKind.ExportKeyword);
    out.push({ decl, stmt: n, name: decl.name.text, refs: [], exported });
  });
  // keep literals, then constants whose initializer names a kept one (in source order, so chains resolve)
  const kept: Candidate[] = [];
  for (const c of out) {
    const init = unwrap(c.decl.initializer!);
    const literal = (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) && KEY_LITERAL.test(init.text);
    const alias = ts.isIdentifier(init) && (() => { const d = declarationOf(init); return !!d && ts.isVariableDeclaration(d) && holds.has(d); })();
    if (!literal && !alias) continue;
    holds.add(c.decl);
    c.refs = referencesOf(sf, c.decl, c.name);
    kept.push(c);
  }
  return kept;
}

/** The statement's whole lines, when nothing else (code or comment) shares them; else null. */
function lineRemoval(sf: ts.SourceFile, stmt: ts.Statement): TextEdit | null {
  const text = sf.text;
  const start = stmt.getStart(sf);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '') return null;
  const rest = /^[ \t]*(\r?\n|$)/.exec(text.slice(stmt.end));
  if (!rest) return null;
  return { start: lineStart, end: stmt.end + rest[0].length, text: '' };
}

const covers = (e: TextEdit, id: ts.Identifier, sf: ts.SourceFile): boolean =>
  e.start <= id.getStart(sf) && id.end <= e.end && !new RegExp(`(^|[^\\w$])${id.text}($|[^\\w$])`).test(e.text);

/** One pass: which constants the given sites' edits leave unused (removed), which stay in use (their users demoted). */
function settle(sf: ts.SourceFile, list: Candidate[], rewriting: Site[], edits: ReadonlyMap<string, TextEdit[]>): { removals: Array<{ edit: TextEdit; ids: string[] }>; demote: Map<string, Reason> } {
  const taking: Array<{ edit: TextEdit; ids: string[] }> = rewriting.flatMap((s) => (edits.get(s.id) ?? []).map((edit) => ({ edit, ids: [s.id] })));
  const removals: Array<{ edit: TextEdit; ids: string[] }> = [];
  const demote = new Map<string, Reason>();
  const decided = new Set<Candidate>();
  const usersOf = (c: Candidate): string[] => [...new Set(c.refs.flatMap((r) => taking.filter((t) => covers(t.edit, r, sf)).flatMap((t) => t.ids)))];
  // a removal covers the references in its own initializer (`const B = A`): repeat until nothing changes
  for (let changed = true; changed;) {
    changed = false;
    for (const c of list) {
      if (decided.has(c)) continue;
      const users = usersOf(c);
      if (!users.length || c.exported || c.refs.some((r) => !taking.some((t) => covers(t.edit, r, sf)))) continue;
      decided.add(c);
      changed = true;
      const removal = lineRemoval(sf, c.stmt);
      if (!removal) { for (const id of users) demote.set(id, 'key-constant-shared-line'); continue; }
      const r = { edit: { ...removal, requires: users }, ids: users };
      removals.push(r);
      taking.push(r);
    }
  }
  for (const c of list) if (!decided.has(c)) for (const id of usersOf(c)) if (!demote.has(id)) demote.set(id, 'key-constant-still-used');
  return { removals, demote };
}

/**
 * `sites`: this file's sites; `edits`: the edits of its auto sites. Only auto sites flagged `hard-coded-key` count
 * as rewriting a use of the constant away; every other reference keeps it in use. A site made manual no longer
 * rewrites its use, which may keep another constant in use: settled until nothing changes.
 */
export function keyConstantEdits(sf: ts.SourceFile, sites: Site[], edits: ReadonlyMap<string, TextEdit[]>): KeyConstantOutcome {
  const outcome: KeyConstantOutcome = { removals: new Map(), demote: new Map() };
  let rewriting = sites.filter((s) => s.status === 'auto' && s.flags?.includes('hard-coded-key'));
  if (!rewriting.length) return outcome;
  const list = candidates(sf);
  if (!list.length) return outcome;
  for (;;) {
    const { removals, demote } = settle(sf, list, rewriting, edits);
    const fresh = [...demote].filter(([id]) => !outcome.demote.has(id));
    for (const [id, reason] of fresh) outcome.demote.set(id, reason);
    if (!fresh.length) {
      for (const r of removals) for (const id of r.ids) outcome.removals.set(id, [...(outcome.removals.get(id) ?? []), r.edit]);
      return outcome;
    }
    rewriting = rewriting.filter((s) => !outcome.demote.has(s.id));
  }
}
