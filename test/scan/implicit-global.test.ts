// An assignment to a name with no declaration in scope (sloppy-mode implicit global) is followed like a variable:
// reads in the assigning function; reads in other functions that assign it first are their own; other reads are
// reported as reads elsewhere; any declaration in scope (or an import) means it is no implicit global.
import { describe, expect, it } from 'vitest';
import { parse, ts, walk } from '../../src/scan/ast.js';
import { collectBindings } from '../../src/scan/imports.js';
import { implicitGlobalReads } from '../../src/scan/implicit-global.js';

function firstAssignment(code: string): { assign: ts.BinaryExpression; sf: ts.SourceFile } {
  const sf = parse('x.js', code, 'js');
  let found: ts.BinaryExpression | null = null;
  walk(sf, (n) => {
    if (!found && ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left)) found = n;
  });
  return { assign: found!, sf };
}

function reads(code: string): { reads: number[]; elsewhere: number[] } | null {
  const { assign, sf } = firstAssignment(code);
  const r = implicitGlobalReads(assign, collectBindings(sf));
  const line = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  return r && { reads: r.reads.map(line), elsewhere: r.elsewhere.map(line) };
}

describe('implicitGlobalReads', () => {
  it('follows the reads of the assigning function', () => {
    expect(reads('const f = (e) => {\n  options = { e };\n  return options;\n};')).toEqual({ reads: [3], elsewhere: [] });
  });

  it('ignores a same-named local of another function', () => {
    const code = 'function a() {\n  options = {};\n  return options;\n}\nfunction b() {\n  let options = {};\n  return options;\n}';
    expect(reads(code)).toEqual({ reads: [3], elsewhere: [] });
  });

  it("a function that assigns the global first reads its own value; another function's read is elsewhere", () => {
    const code = 'function a() {\n  options = {};\n  return options;\n}\nfunction b() {\n  options = {};\n  return options;\n}\nfunction c() {\n  return options;\n}';
    expect(reads(code)).toEqual({ reads: [3], elsewhere: [10] });
  });

  it('an assignment inside a condition does not make the read its own', () => {
    const code = 'function a() {\n  options = {};\n  return options;\n}\nfunction b(x) {\n  if (x) options = {};\n  return options;\n}';
    expect(reads(code)).toEqual({ reads: [3], elsewhere: [7] });
  });

  it('is no implicit global when declared in scope, hoisted, a parameter or imported', () => {
    expect(reads('let options;\nfunction a() {\n  options = {};\n  return options;\n}')).toBeNull();
    expect(reads('function a() {\n  options = {};\n  if (1) { var options; }\n  return options;\n}')).toBeNull();
    expect(reads('function a(options) {\n  options = {};\n  return options;\n}')).toBeNull();
    expect(reads("import options from './o';\nfunction a() {\n  options = {};\n  return options;\n}")).toBeNull();
    expect(reads('function a() {\n  options = {};\n  return options;\n}\nfunction options() {}')).toBeNull();
  });
});
