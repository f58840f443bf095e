import { describe, expect, it } from 'vitest';
import { parse, ts, walk } from '../../src/scan/ast.js';

/** The walk as it was before the file's node list: forEachChild, parents first, in source order. */
function reference(root: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (n: ts.Node): void => { out.push(n); ts.forEachChild(n, visit); };
  visit(root);
  return out;
}

function collect(root: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  walk(root, (n) => out.push(n));
  return out;
}

const TEXT = [
  "import axios from 'axios';",
  '/** @param {string} k the key */',
  'export async function contacts(k, { limit = 10 } = {}) {',
  "  const url = `https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=${k}&count=${limit}`;",
  '  return (await axios.get(url)).data;',
  '}',
  'class A extends B { @dec() m(): void { x?.y!.z; } }',
  '',
].join('\n');

describe('walk', () => {
  it('visits the whole file as forEachChild does, parents before children, in source order', () => {
    const sf = parse('a.ts', TEXT, 'ts');
    expect(collect(sf)).toEqual(reference(sf));
    // a second walk reads the same list
    expect(collect(sf)).toEqual(reference(sf));
  });

  it('visits exactly a subtree, including nodes that share their start with their parent', () => {
    const sf = parse('a.ts', TEXT, 'ts');
    const all = reference(sf);
    for (const n of all) expect(collect(n), ts.SyntaxKind[n.kind]).toEqual(reference(n));
  });

  it('walks a node inside JSDoc (not in the file\'s list) by its own children', () => {
    const sf = parse('a.js', TEXT, 'js');
    const fn = sf.statements.find(ts.isFunctionDeclaration)!;
    const doc = (fn as unknown as { jsDoc: ts.JSDoc[] }).jsDoc[0];
    expect(doc).toBeDefined();
    expect(collect(doc)).toEqual(reference(doc));
  });

  it('walks code nested deeper than the call stack allows recursion', () => {
    // TypeScript parses a long concatenation without recursion: a left-deep tree as deep as the terms are many
    const terms = 30000;
    const sf = parse('deep.js', 'x = ' + Array.from({ length: terms }, (_, i) => `'${i}'`).join(' +\n') + ';\n', 'js');
    let strings = 0;
    walk(sf, (n) => { if (ts.isStringLiteral(n)) strings++; });
    expect(strings).toBe(terms);
    expect(() => reference(sf)).toThrow(RangeError);
  });
});
