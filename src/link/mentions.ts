// Whether code in other files could reach a function by its name: a plain text search of every other JS/TS file of
// the repository for the name as a whole word. It answers "no other file mentions it" conservatively: a comment, a
// string or another class's method of the same name counts as a mention (the site then stays manual). Files the
// host does not read (too large, minified) are not searched.
import type { NameCheck } from '../scan/context.js';
import type { LinkHost } from './program.js';

/** Ids of the checks whose name no file other than the check's own mentions. */
export function unmentioned(checks: readonly NameCheck[], host: LinkHost): Set<string> {
  const open = new Set(checks.map((c) => c.siteId));
  if (!checks.length) return open;
  const word = (alternatives: string): RegExp => new RegExp(`(?<![\\w$])(?:${alternatives})(?![\\w$])`);
  const any = word([...new Set(checks.map((c) => c.name))].map(escape).join('|'));
  const each = checks.map((c) => ({ ...c, re: word(escape(c.name)) }));
  for (const file of host.files) {
    const text = host.text(file);
    if (text === null || !any.test(text)) continue;
    for (const c of each) if (open.has(c.siteId) && c.file !== file && c.re.test(text)) open.delete(c.siteId);
  }
  return open;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
