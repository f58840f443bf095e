// What the scan of one file may know about the rest of the repository, and the options that shape it.
import type { TextEdit } from '../model/edit.js';
import type { ListedFile } from '../model/file.js';
import type { HttpMethod, Site } from '../model/site.js';
import type { Lib } from './libraries.js';
import type { ClientKind } from './client-calls.js';
import type { Escape } from './receivers.js';
import type { ConfigWrapper } from './config-wrappers.js';
import type ts from './typescript.cjs';

export interface RepoFacts {
  /** Set when the repository itself is a HubSpot client library (package.json name). */
  libraryPackage: string | null;
  /** package.json says the app is built for the browser (react-scripts, vite, …). */
  browserApp: boolean;
  /** Files that server code imports, directly or not (see scan/runtime.ts): they run on a server. */
  serverModules?: { has(path: string): boolean };
  /** Property names bound to HubSpot libraries anywhere in the repository (`this.HubSpotClient = require('hubspot-api')`). */
  libraryAliases: Map<string, Lib>;
  /** Member names bound to an HTTP client module anywhere in the repository (`this.fetch = require('node-fetch')`). */
  memberModules?: Map<string, { module: string; stems: string[] }>;
  /** The HubSpot library versions package.json asks for (`@hubspot/api-client` → `^8.1.0`). */
  libraryVersions?: Partial<Record<Lib, string>>;
  /** Wrapper functions exported by other files: repo-relative module resolution is the caller's business. */
  wrapperOf?(fromFile: string, module: string, name: string): { urlIndex: number; optionsIndex: number } | null;
  /** The constant string another module exports at `path` (`require('./config').hubspot.base`), or null. */
  moduleValue?(fromFile: string, module: string, path: string[]): string | null;
  /** The function another module exports at `path` (a URL builder the file calls), or null. */
  moduleFunction?(fromFile: string, module: string, path: string[]): ts.FunctionLikeDeclaration | null;
  /** A request helper another module exports at `path` that hands its caller's options to axios (config-wrappers.ts). */
  configWrapperOf?(fromFile: string, module: string, path: string[]): ConfigWrapper | null;
}

export interface ScanOptions {
  /** Env var the token is read from where the key was a literal. */
  tokenEnv: string;
  /** Rewrite calls in browser code too (default: report them as manual). */
  rewriteBrowser: boolean;
}

export interface ScanInput {
  file: ListedFile;
  text: string;
  eol: '\n' | '\r\n';
  repo: RepoFacts;
  options: ScanOptions;
  /** For component files: the script ranges to parse (offsets into `text`). */
  ranges?: Array<{ start: number; end: number; lang: 'ts' | 'js' | 'tsx' | 'jsx' }>;
}

export interface FileFindings {
  sites: Site[];
  /** Edits per auto site id. */
  edits: Map<string, TextEdit[]>;
  /** The file failed to parse where a key may hide. */
  parseError?: string;
  /** How many syntax errors the parser reported (the plan's re-parse compares against it). */
  parseErrors?: number;
  /**
   * Edits of manual (`key-escapes`) sites whose options object leaves the file, per site id: the site becomes auto
   * with them when the link stage sees every use of the object (link/settled.ts).
   */
  pending?: Map<string, TextEdit[]>;
  /**
   * Pending sites (`client-options-shared`) whose options object a named function returns: safe to rewrite when no
   * other file of the repository mentions that name (link/mentions.ts).
   */
  nameChecks?: NameCheck[];
  /** Clients of auto/manual sites that leave the file: the link stage finds their calls in other files. */
  links?: SiteLink[];
  /** The file exports a constant holding the parameter name `hapikey`: its importers may send the key without naming it. */
  exportsKeyName?: boolean;
}

/** A site of `file` whose rewrite waits until no other file is seen to mention `name`. */
export interface NameCheck {
  siteId: string;
  file: string;
  name: string;
}

/** A client configured with a key at `siteId` leaves `file` (pure data, no syntax nodes). */
export interface SiteLink {
  siteId: string;
  file: string;
  /** A client (follow the calls made through it) … */
  client?: ClientKind;
  /** … or a URL / options / query-params value (follow it to the requests it is given to). */
  value?: 'url' | 'options' | 'params';
  /** For a value: the URL evaluated where the key is (the function it is passed to may only see a parameter). */
  url?: string;
  /** For an options value: its own `method` (a request given the whole object sends it). */
  method?: HttpMethod;
  escape: Escape;
}
