// Turn one file's proposed site edits into a checked set of text edits: identical edits shared by several
// sites are applied once, overlapping ones demote a site to manual, and the result must still parse.
import type { FilePlan, SiteEdits, TextEdit } from '../model/edit.js';
import type { FileText } from '../model/file.js';
import type { Language } from '../model/site.js';
import { pruneRequirements } from './requires.js';
import { applyEdits } from './splice.js';
import { stillParses } from './syntax-check.js';

export interface PlanInput {
  file: string;
  language: Language;
  text: FileText;
  /** Syntax errors of the original text, when the scan counted them. */
  parseErrors?: number;
  /** Edits per auto site, in site order. */
  sites: Array<{ siteId: string; edits: TextEdit[] }>;
}

export interface PlanOutcome {
  plan: FilePlan | null;
  /** Sites that could not be planned, with the reason code. */
  demoted: Array<{ siteId: string; reason: 'overlapping-edits' | 'rewrite-would-break-syntax' }>;
}

const key = (e: TextEdit): string => `${e.start}:${e.end}:${e.text}`;

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (key(a) === key(b)) return false;
  if (a.start === a.end && b.start === b.end) return a.start === b.start; // two different insertions at one point
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

export function planFile(input: PlanInput): PlanOutcome {
  const demoted: PlanOutcome['demoted'] = [];
  // overlaps, found in one pass over the edits sorted by position: the later site (in site order) gives way
  const clashing = new Set<string>();
  const order = new Map(input.sites.map((s, i) => [s.siteId, i]));
  const all = input.sites.flatMap((s) => s.edits.map((e) => ({ e, id: s.siteId })))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end);
  let reach: { e: TextEdit; id: string } | null = null;
  for (const cur of all) {
    if (reach && overlaps(reach.e, cur.e)) {
      if (reach.id === cur.id) clashing.add(cur.id);
      else clashing.add(order.get(reach.id)! > order.get(cur.id)! ? reach.id : cur.id);
    }
    if (!reach || cur.e.end > reach.e.end || (cur.e.start === cur.e.end && reach.e.end <= cur.e.start)) reach = cur;
  }
  const accepted: SiteEdits[] = [];
  for (const s of input.sites) {
    if (clashing.has(s.siteId) || s.edits.length === 0) {
      demoted.push({ siteId: s.siteId, reason: 'overlapping-edits' });
      continue;
    }
    accepted.push({ siteId: s.siteId, file: input.file, edits: s.edits });
  }
  const check = (sites: SiteEdits[]): string => applyEdits(input.text.text, sites.flatMap((s) => s.edits));
  let kept = pruneRequirements(accepted);
  let after = check(kept);
  if (!stillParses(input.text.text, after, input.file, input.language, input.parseErrors)) {
    // find the sites that break the file on their own; keep the rest if together they parse
    kept = pruneRequirements(kept.filter((s) => {
      const ok = stillParses(input.text.text, check([pruneRequirements([s])[0]]), input.file, input.language, input.parseErrors);
      if (!ok) demoted.push({ siteId: s.siteId, reason: 'rewrite-would-break-syntax' });
      return ok;
    }));
    after = check(kept);
    if (!stillParses(input.text.text, after, input.file, input.language, input.parseErrors)) {
      for (const s of kept) demoted.push({ siteId: s.siteId, reason: 'rewrite-would-break-syntax' });
      kept = [];
    }
  }
  if (!kept.length) return { plan: null, demoted };
  return {
    plan: {
      file: input.file,
      before: input.text.text,
      after,
      bom: input.text.bom,
      eol: input.text.eol,
      siteIds: kept.map((s) => s.siteId),
      edits: kept,
    },
    demoted,
  };
}
