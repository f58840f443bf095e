// Read a listed file and keep it only when a cheap text test says it may hold a key.
import type { FileText, ListedFile } from '../model/file.js';
import type { Skip } from '../model/site.js';
import { isReadSkip, isMinified, readText } from '../discover/read.js';
import { mayHoldKey } from '../discover/prefilter.js';

export type Candidate =
  | { text: FileText; minified: boolean }
  /** Not a candidate: `skip` says why when that is worth reporting (unreadable, binary, too large). */
  | { skip: Skip | null };

export async function readCandidate(f: ListedFile): Promise<Candidate> {
  const r = await readText(f.abs, { file: f.path });
  if (isReadSkip(r)) return { skip: r };
  if (!mayHoldKey(r.text) && !mayHoldKeyFormatCheck(r.text)) return { skip: null };
  return { text: r, minified: f.treatment !== 'text' && isMinified(r.text) };
}

/** A UUID-shaped validator for an API key lives in files that need not mention HubSpot (`API_KEY_REGEX = /…{8}-…/`). */
function mayHoldKeyFormatCheck(text: string): boolean {
  return text.includes('{8}') && /api_?key/i.test(text);
}
