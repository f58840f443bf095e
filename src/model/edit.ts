// A text edit on one file's original text: replace [start, end) with `text`.
// Offsets are UTF-16 code-unit offsets into the decoded text (BOM excluded), as TypeScript reports them.

export interface TextEdit {
  start: number;
  end: number;
  text: string;
  /** Applied only together with every one of these sites (a declaration they all leave unused); else dropped. */
  requires?: string[];
}

/** The edits of one site: applied all together or not at all. */
export interface SiteEdits {
  siteId: string;
  file: string;
  edits: TextEdit[];
}

/** What the plan stage decided for one file. */
export interface FilePlan {
  file: string;
  /** Original text as read (without BOM), the new text, and how to write it back. */
  before: string;
  after: string;
  bom: boolean;
  eol: '\n' | '\r\n';
  siteIds: string[];
  edits: SiteEdits[];
  /** Set for a UTF-16 file: written back as such by --write, but left out of the text patch (git would not apply it). */
  encoding?: 'utf16le';
}
