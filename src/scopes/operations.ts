// Finding the spec operations (path templates) a normalised path matches, most specific first.
import type { HttpMethod } from '../model/site.js';
import { candidatePaths, catalog, type AuthEntry, type IndexedPath } from './catalog.js';
import { pathSegments } from './normalise.js';

export class OperationMatch {
  constructor(
    readonly entry: IndexedPath,
    /** Segments of the path that matched (after alias substitution). */
    readonly segments: string[],
  ) {}

  get template(): string {
    return this.entry.group.p;
  }

  get version(): string {
    return this.entry.group.v;
  }

  auth(method: HttpMethod): AuthEntry | undefined {
    const i = this.entry.group.ops[method];
    return i === undefined ? undefined : catalog.auth[i];
  }

  methods(): HttpMethod[] {
    return Object.keys(this.entry.group.ops) as HttpMethod[];
  }

  authClasses(): string[] {
    return [...new Set(this.methods().map((m) => this.auth(m)!.a))];
  }
}

function rankOrder(a: IndexedPath, b: IndexedPath): number {
  return (
    b.literals - a.literals ||
    Number(Boolean(a.group.beta)) - Number(Boolean(b.group.beta)) ||
    Number(a.group.p.endsWith('/')) - Number(b.group.p.endsWith('/'))
  );
}

function direct(normalised: string): OperationMatch[] {
  const segments = pathSegments(normalised);
  const matches = candidatePaths(segments).filter((e) => e.regex.test(normalised));
  // ties keep catalog (path) order
  return matches.sort((a, b) => rankOrder(a, b) || cmp(a.group.p, b.group.p)).map((e) => new OperationMatch(e, segments));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function startsAt(path: string, prefix: string): boolean {
  const p = prefix.endsWith('/') ? prefix : prefix + '/';
  return path === prefix.replace(/\/$/, '') || path.startsWith(p);
}

/** The same path under its documented alias (e.g. /crm/v3/schemas ⇄ /crm-object-schemas/v3/schemas). */
export function aliasesOf(normalised: string): string[] {
  const out: string[] = [];
  for (const { a, b } of catalog.pathAliases) {
    for (const [from, to] of [[a, b], [b, a]]) {
      if (startsAt(normalised, from)) out.push(to.replace(/\/$/, '') + normalised.slice(from.replace(/\/$/, '').length));
    }
  }
  return out;
}

const memo = new Map<string, OperationMatch[]>();
const MEMO_LIMIT = 10_000;

/** Spec operations matching the path, best first; tries the path's aliases when nothing matches. */
export function findOperations(normalised: string): OperationMatch[] {
  const known = memo.get(normalised);
  if (known) return known;
  let found = direct(normalised);
  if (!found.length) {
    for (const alias of aliasesOf(normalised)) {
      found = direct(alias);
      if (found.length) break;
    }
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(normalised, found);
  return found;
}
