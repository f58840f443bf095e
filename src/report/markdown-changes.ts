// report.md "Changes": one ```diff block per file.
import { displayHunks, fileTraits } from './display-diff.js';
import type { MdContext } from './markdown-context.js';
import type { Section } from './markdown-sites.js';
import { code, fence } from './md.js';
import { changedPlans, plural } from './select.js';

export function changesSection(ctx: MdContext): Section | null {
  const plans = changedPlans(ctx.plans);
  if (plans.length === 0) return null;
  const written = ctx.report.mode === 'write' || ctx.report.mode === 'interactive';
  const lines = [
    written
      ? `The rewrite of ${plural(plans.length, 'file')}, as planned (sites marked "auto (applied)" above were written).`
      : `The rewrite planned for ${plural(plans.length, 'file')}. Apply it with \`git apply changes.patch\` (the file next to this report) or run again with \`--write\`.`,
  ];
  lines.push('', ctx.showSecrets
    ? 'Key literals are shown unmasked (`--show-secrets`): do not paste this report anywhere public.'
    : ctx.sites.some((s) => s.secret !== null)
      ? 'Key literals are masked here. `changes.patch` is never masked, because it must apply: its removed lines contain the hard-coded keys, so keep it private.'
      : 'Key literals are masked here; `changes.patch` is never masked, because it must apply.');
  for (const plan of plans) {
    const traits = fileTraits(plan);
    lines.push('', `### ${code(plan.file)}`, '');
    if (traits.length > 0) lines.push(`Kept as is: ${traits.join(', ')}.`, '');
    lines.push(fence(displayHunks(plan, ctx.mask), 'diff'));
  }
  return { heading: `Changes (${plans.length} ${plans.length === 1 ? 'file' : 'files'})`, body: lines.join('\n') };
}
