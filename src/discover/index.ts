// discover stage: list candidate files, read them, and cheaply decide which may hold a key.
export { listFiles, type ListOptions, type ListResult } from './list.js';
export { classify, isMinifiedName, LOCK_FILES, type Classification } from './classify.js';
export { DEFAULT_SKIP_DIRS } from './skips.js';
export { readText, isReadSkip, isMinified, DEFAULT_MAX_BYTES, type ReadOptions } from './read.js';
export { mayHoldKey, PREFILTER, CONFIG_PREFILTER } from './prefilter.js';
export { extractScripts, type ScriptBlock } from './components.js';
