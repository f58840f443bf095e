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
  if (!mayHoldKey(r.text)) return { skip: null };
  return { text: r, minified: f.treatment !== 'text' && isMinified(r.text) };
}
