// A file's planned change as hunks for people to read (report.md, the terminal): masked unless asked,
// with the BOM and CR characters taken out of the lines (changes.patch keeps them byte for byte).
import type { FilePlan } from '../model/edit.js';
import { maskAll, type Masker } from './mask.js';
import { planHunks, renderHunks } from './patch.js';

/** Hunks of one plan, display form: LF lines, no BOM, passed through `mask` (identity to show secrets). */
export function displayHunks(plan: FilePlan, mask: Masker = maskAll): string {
  const text = renderHunks(planHunks(plan)).replace(/\r(?=\n)/g, '').replace(/^([ +-])\uFEFF/gm, '$1');
  return mask(text);
}

/** What the file keeps that the display does not show: `CRLF`, `BOM`. */
export function fileTraits(plan: FilePlan): string[] {
  const traits: string[] = [];
  if (plan.eol === '\r\n') traits.push('CRLF line endings');
  if (plan.bom) traits.push('BOM');
  return traits;
}
