// `changes.patch`: the unified diff of every planned edit, in the form `git apply` takes on the original tree.
// Never masked: it must apply. Line endings are kept as they are in the file (CRLF lines keep their `\r`),
// and a file with a BOM gets U+FEFF at the start of line 1 on both sides, exactly as git sees the bytes.
import { structuredPatch } from 'diff';
import type { FilePlan } from '../model/edit.js';
import type { FileChange } from '../model/report.js';
import { gitHeaderName, gitQuotePath } from './git-path.js';
import { changedPlans } from './select.js';
import { editHunks } from './edit-hunks.js';

/** Lines of context around each change, as git uses by default. */
export const PATCH_CONTEXT = 3;

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Lines with their ` `/`+`/`-` marker, without the final `\n` (a CRLF line keeps its `\r`). */
  lines: string[];
}

/** The file's text as git sees it: with the BOM when it has one. */
function onDisk(text: string, bom: boolean): string {
  return bom ? `\uFEFF${text}` : text;
}

const hunkCache = new WeakMap<FilePlan, Hunk[]>();

/** The plan's hunks: from its edits when they reproduce the new text (linear), else a line diff; computed once per plan. */
export function planHunks(plan: FilePlan): Hunk[] {
  const cached = hunkCache.get(plan);
  if (cached) return cached;
  const hunks = editHunks(plan, PATCH_CONTEXT) ?? lineDiffHunks(plan);
  hunkCache.set(plan, hunks);
  return hunks;
}

function lineDiffHunks(plan: FilePlan): Hunk[] {
  const patch = structuredPatch(
    `a/${plan.file}`, `b/${plan.file}`,
    onDisk(plan.before, plan.bom), onDisk(plan.after, plan.bom),
    undefined, undefined, { context: PATCH_CONTEXT },
  );
  return patch.hunks.map((h) => ({ ...h, lines: [...h.lines] }));
}

/** `@@ -3,7 +3,8 @@`; an empty side starts one line earlier, as in every unified diff. */
export function hunkHeader(h: Hunk): string {
  const oldStart = h.oldLines === 0 ? h.oldStart - 1 : h.oldStart;
  const newStart = h.newLines === 0 ? h.newStart - 1 : h.newStart;
  return `@@ -${oldStart},${h.oldLines} +${newStart},${h.newLines} @@`;
}

/** The hunks of one file as text (no file headers), each line ending in `\n`. */
export function renderHunks(hunks: readonly Hunk[]): string {
  let out = '';
  for (const h of hunks) {
    out += `${hunkHeader(h)}\n`;
    for (const line of h.lines) out += `${line}\n`;
  }
  return out;
}

/** One file's git diff: `diff --git` header, `---`/`+++`, hunks. Empty when the plan changes nothing. */
export function renderFilePatch(plan: FilePlan): string {
  if (plan.before === plan.after) return '';
  const a = `a/${plan.file}`;
  const b = `b/${plan.file}`;
  return (
    `diff --git ${gitQuotePath(a)} ${gitQuotePath(b)}\n` +
    `--- ${gitHeaderName(a)}\n` +
    `+++ ${gitHeaderName(b)}\n` +
    renderHunks(planHunks(plan))
  );
}

/** All planned edits as one patch, files in path order. Empty string when nothing changes. */
export function renderPatch(plans: FilePlan[]): string {
  // a UTF-16 file has no text diff git applies: --write handles it, the patch leaves it out
  return changedPlans(plans).filter((p) => p.encoding !== 'utf16le').map(renderFilePatch).join('');
}

/** `Report.changes`: one entry per changed file, its diff unmasked (renderJson masks it). */
export function toFileChanges(plans: FilePlan[]): FileChange[] {
  return changedPlans(plans).map((p) => ({ file: p.file, siteIds: [...p.siteIds], diff: renderFilePatch(p) }));
}
