// Unified-diff hunks straight from a plan's text edits: linear in the file's size, where a generic line diff
// (Myers) is quadratic in the number of changed lines (a file with 10,000 rewritten calls took minutes).
import type { FilePlan, TextEdit } from '../model/edit.js';
import { diffArrays } from 'diff';
import { applyEdits } from '../plan/splice.js';

export interface EditHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: string[];
}

const NO_EOL = '\\ No newline at end of file';

/** Line start offsets of `text`, plus one past the end. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  if (starts[starts.length - 1] !== text.length) starts.push(text.length);
  return starts;
}

/** Index of the line holding offset `pos` (binary search over line starts). */
function lineAt(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Lines of a text without their `\n` (a CRLF line keeps its `\r`); `lastHasEol` says whether the text ends in `\n`. */
function splitLines(text: string): { lines: string[]; lastHasEol: boolean } {
  if (text === '') return { lines: [], lastHasEol: true };
  const lastHasEol = text.endsWith('\n');
  const lines = (lastHasEol ? text.slice(0, -1) : text).split('\n');
  return { lines, lastHasEol };
}

interface Block { a: number; b: number; edits: TextEdit[] }

/**
 * Hunks with `context` lines around each change, computed from the edits; null when the edits do not
 * reproduce `after` (a hand-made plan), so the caller can fall back to a line diff.
 */
export function editHunks(plan: FilePlan, context: number): EditHunk[] | null {
  const shift = plan.bom ? 1 : 0;
  const before = (plan.bom ? '\uFEFF' : '') + plan.before;
  const after = (plan.bom ? '\uFEFF' : '') + plan.after;
  const seen = new Set<string>();
  const edits = plan.edits.flatMap((g) => g.edits)
    .filter((e) => { const k = `${e.start}:${e.end}:${e.text}`; if (seen.has(k)) return false; seen.add(k); return true; })
    .map((e) => ({ start: e.start + shift, end: e.end + shift, text: e.text }))
    .sort((x, y) => x.start - y.start || x.end - y.end);
  if (!edits.length || applyEdits(before, edits) !== after) return null;
  const starts = lineStarts(before);
  const nLines = Math.max(starts.length - 1, 0);
  // blocks of touched before-lines
  const blocks: Block[] = [];
  for (const e of edits) {
    const a = lineAt(starts, e.start);
    const b = lineAt(starts, e.end > e.start ? e.end - 1 : e.start);
    const last = blocks[blocks.length - 1];
    if (last && a <= last.b + 1) { last.b = Math.max(last.b, b); last.edits.push(e); }
    else blocks.push({ a, b, edits: [e] });
  }
  const { lines: oldLines, lastHasEol: oldEol } = splitLines(before);
  const { lines: newLines, lastHasEol: newEol } = splitLines(after);
  // each block: its old lines against its new lines, diffed line by line (blocks are small, so this is cheap)
  type Op = { mark: ' ' | '-' | '+'; old: number; neu: number };
  const segments: Op[][] = [];
  let delta = 0;
  for (const bl of blocks) {
    const from = starts[bl.a];
    const to = bl.b + 1 < starts.length ? starts[bl.b + 1] : before.length;
    const piece = applyEdits(before.slice(from, to), bl.edits.map((e) => ({ start: e.start - from, end: e.end - from, text: e.text })));
    const oldCount = bl.b - bl.a + 1;
    const newCount = piece === '' ? 0 : piece.split('\n').length - (piece.endsWith('\n') ? 1 : 0);
    const newA = bl.a + delta;
    delta += newCount - oldCount;
    // compare lines with their end-of-line state, so a lost final newline shows as a change
    const key = (lines: string[], eol: boolean, k: number): string => lines[k] + (k === lines.length - 1 && !eol ? '\u0000' : '');
    const oldKeys = Array.from({ length: oldCount }, (_, k) => key(oldLines, oldEol, bl.a + k));
    const newKeys = Array.from({ length: newCount }, (_, k) => key(newLines, newEol, newA + k));
    const ops: Op[] = [];
    let o = bl.a;
    let n = newA;
    // a long block (many adjacent rewritten lines) is shown as its old lines then its new ones: a line diff of it
    // would cost quadratic time for little gain
    const parts = oldCount + newCount <= 400 ? diffArrays(oldKeys, newKeys)
      : [{ removed: true, added: false, count: oldCount }, { added: true, removed: false, count: newCount }];
    for (const part of parts) {
      for (let c = 0; c < part.count!; c++) {
        if (part.added) ops.push({ mark: '+', old: o, neu: n++ });
        else if (part.removed) ops.push({ mark: '-', old: o++, neu: n });
        else ops.push({ mark: ' ', old: o++, neu: n++ });
      }
    }
    while (ops.length && ops[0].mark === ' ') ops.shift();
    while (ops.length && ops[ops.length - 1].mark === ' ') ops.pop();
    if (ops.length) segments.push(ops);
  }
  const firstOld = (seg: Op[]): number => seg[0].old;
  const lastOld = (seg: Op[]): number => { const t = seg[seg.length - 1]; return t.mark === '+' ? t.old - 1 : t.old; };
  // hunks: segments whose contexts touch are merged
  const hunks: EditHunk[] = [];
  let i = 0;
  while (i < segments.length) {
    let j = i;
    while (j + 1 < segments.length && firstOld(segments[j + 1]) - lastOld(segments[j]) - 1 <= 2 * context) j++;
    const start = Math.max(0, firstOld(segments[i]) - context);
    const end = Math.min(nLines - 1, lastOld(segments[j]) + context);
    const lines: string[] = [];
    let oldCount = 0;
    let newCount = 0;
    const pushOld = (k: number, mark: string): void => {
      lines.push(mark + oldLines[k]);
      if (k === oldLines.length - 1 && !oldEol) lines.push(NO_EOL);
    };
    const pushNew = (k: number): void => {
      lines.push('+' + newLines[k]);
      if (k === newLines.length - 1 && !newEol) lines.push(NO_EOL);
    };
    let k = start;
    for (let c = i; c <= j; c++) {
      const seg = segments[c];
      for (; k < firstOld(seg); k++) { pushOld(k, ' '); oldCount++; newCount++; }
      for (const op of seg) {
        if (op.mark === '+') { pushNew(op.neu); newCount++; }
        else { pushOld(op.old, op.mark); oldCount++; if (op.mark === ' ') newCount++; }
      }
      k = lastOld(seg) + 1;
    }
    for (; k <= end; k++) { pushOld(k, ' '); oldCount++; newCount++; }
    const newStart = start + (segments[i][0].neu - segments[i][0].old);
    hunks.push({ oldStart: start + 1, oldLines: oldCount, newStart: newStart + 1, newLines: newCount, lines });
    i = j + 1;
  }
  return hunks;
}
