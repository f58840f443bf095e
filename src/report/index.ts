// The report stage: pure renderers from the run's data to the text of each output.
export { renderCheckLine } from './check.js';
export { shouldColor } from './color.js';
export { renderJson, toJsonReport } from './json.js';
export { renderMarkdown, type MarkdownInput } from './markdown.js';
export { renderFilePatch, renderPatch, toFileChanges } from './patch.js';
export { renderSarif, toSarif } from './sarif.js';
export { renderDiff, renderSummary, type DiffOptions, type SummaryOptions } from './terminal.js';
export { countUnresolved, fillUnresolved, scopeGaps, unresolvedReason } from './unresolved.js';
