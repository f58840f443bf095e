// Shared helpers of the client-map extractors (scripts/build-client-maps.mjs).
import { readFileSync } from 'node:fs';
import { ts } from 'ts-morph';

export { ts };

export const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export function parse(file, text = readFileSync(file, 'utf8')) {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
}

export function walk(node, visit) {
  visit(node);
  ts.forEachChild(node, (c) => walk(c, visit));
}

const OBJECT_TYPE_PARAMS = new Map([
  ['objecttype', '{objectType}'],
  ['fromobjecttype', '{fromObjectType}'],
  ['toobjecttype', '{toObjectType}'],
  ['objecttypeid', '{objectType}'],
  ['fromobjecttypeid', '{fromObjectType}'],
  ['toobjecttypeid', '{toObjectType}'],
]);

/** `{contactId}` → `{}`; object-type parameters keep their name. */
export function placeholders(path) {
  return path.replace(/\{([^}]*)\}/g, (_, name) => OBJECT_TYPE_PARAMS.get(name.toLowerCase()) ?? '{}');
}

export function cleanPath(path) {
  let p = path.replace(/^https?:\/\/[^/]+/, '');
  p = p.replace(/\?.*$/, '');
  p = p.replace(/^\{\}(?=\/)/, ''); // `${client.baseUrl}/…`
  p = p.replace(/([^/{}])\{\}$/, '$1'); // `…/upload${queryPart}`
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return placeholders(p);
}

export function addEndpoint(chains, chain, method, path) {
  const list = (chains[chain] ??= []);
  if (!list.some((e) => e[0] === method && e[1] === path)) list.push([method, path]);
}


export function relative(base, file) {
  return file.startsWith(base) ? file.slice(base.length + 1) : file;
}
