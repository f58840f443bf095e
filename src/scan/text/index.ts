// scan/text: key use found by text alone, for files the JS/TS scanner does not parse (other languages, config
// files, Postman collections) and as a fallback for minified or unparseable JS. Every site is reported, none is
// rewritten: status `manual` (or `developer-key` / `ignored`), with a message saying what to do.
import { createHash } from 'node:crypto';
import type { ListedFile } from '../../model/file.js';
import type { Category, Language, Pattern, Site, Status } from '../../model/site.js';
import { isMinified } from '../../discover/read.js';
import { isMinifiedName } from '../../discover/classify.js';
import { CommentMap, splitLines, type Line } from './lines.js';
import { jsonStrings, yamlKeys, type StringToken, type YamlKey } from './keypath.js';
import { MSG } from './messages.js';
import { findKeyLiterals, maskAll, secretOf, type KeyLiteral } from './secret.js';

export { maskSecret, fingerprint, findKeyLiterals, maskAll, type KeyLiteral } from './secret.js';

/** What one line yields, before comment / developer-key checks. */
interface Hit {
  /** 0-based column of the key use in the line. */
  col: number;
  /** The text that matched (a name or a keyword, never a value): part of the site id. */
  match: string;
  pattern: Pattern;
  category: Category;
  reason: string;
  message: string;
  status?: Status;
  /** Postman query entry: the JSON path of its `url` object, whose `raw` URL tells a developer-key endpoint. */
  urlPath?: string;
}

interface Ctx {
  file: ListedFile;
  lines: Line[];
  /** The file mentions HubSpot (hubspot, hubapi, hapikey): `api_key` and the like count only then. */
  hubspot: boolean;
  base: string;
  postman: boolean;
  json?: StringToken[][];
  yaml?: Array<YamlKey | null>;
  minified?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared matchers

const QS = /[?&](hapikey)=/di;
/** `hapikey` as a whole word: not inside `searchApiKey`, but `HAPI_KEY`, `hapiKey`, `my_hapikey` count. */
const WORD = /(?<![A-Za-z0-9])(hapi_?key)(?![A-Za-z0-9])/di;
const HUBSPOT_TEXT = /hubspot|hubapi|(?<![A-Za-z0-9])hapi_?key(?![A-Za-z0-9])/i;
/** Names of config slots that hold an API key, looked at only in a HubSpot context. */
const API_KEY_NAME = /^(?:(?:hubspot|hs|hapi)[_-]?)?api[_-]?key$|^hubspot[_-]?key$/i;
const HUBSPOT_PATH = /^(?:origin|target|hs)$|hubspot/i;
const DEV_NAME = /developer[_-]?(?:api[_-]?)?key|(?<![a-z])dev[_-]?(?:api[_-]?)?key/i;
/** URL paths only a developer API key can call (see patterns.md P20). */
const DEVKEY_PATH =
  /\/webhooks\/v[13]\/[^/\s'"`?]+\/|\/crm\/v3\/extensions\/|\/automation\/v4\/actions\/|\/timeline\/(?:[^/\s'"`?]+\/)?event-(?:types|templates)|\/feature-flags\/v3\/|\/extensions\/ecomm\/v2\/settings/i;
/** `NAME=…` / `export NAME=…`, also commented out (`# NAME=…`: reported as ignored). */
const ENV_DECL = /^\s*(?:#\s*)?(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=/d;
const PAT_VALUE = /=\s*["']?pat-[a-z]{2}\d*-/i;

/** An environment-variable-like name for the HubSpot key: HUBSPOT/HUBAPI/HAPIKEY/HS_ … KEY. */
export function isHubSpotKeyName(name: string): boolean {
  const n = name.toUpperCase();
  return n.includes('KEY') && (/HUBSPOT|HUBAPI/.test(n) || /(?:^|_)(?:HAPI_?KEY|HS_)/.test(n));
}

function at(re: RegExp, text: string): { col: number; match: string } | null {
  const m = re.exec(text);
  if (!m) return null;
  const g = m.indices?.[1];
  return { col: g ? g[0] : m.index, match: m[1] ?? m[0] };
}

const P13 = 'P13_OTHER_SDK' as const;
const P30 = 'P30_CONFIG_DECL' as const;

function generic(t: string, lang: Language, reason = 'other-language', category: Category = P13): Hit | null {
  let a = at(QS, t);
  if (a) return { ...a, pattern: 'query-string', category, reason, message: MSG.queryString(lang) };
  a = at(WORD, t);
  if (a) return { ...a, pattern: 'other', category, reason, message: MSG.keyWord(lang) };
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Per language

function python(ctx: Ctx, t: string): Hit | null {
  const r = 'other-language';
  let a = at(/\bHubSpot\s*\(\s*(api_key)\s*=/d, t);
  if (a) return { ...a, pattern: 'client-option', category: P13, reason: r, message: MSG.pyHubSpot() };
  a = at(/\bClient\.create\s*\(\s*(api_key)\s*=/d, t);
  if (a) return { ...a, pattern: 'client-option', category: P13, reason: r, message: MSG.pyClientCreate() };
  const g = generic(t, 'python');
  if (g) return g;
  if (ctx.hubspot) {
    a = at(/(?<![A-Za-z0-9_.])(api_key)\s*=(?!=)/d, t);
    if (a) {
      const kwarg = /[(,]\s*api_key\s*=/.test(t) || /^\s*api_key=\S/.test(t);
      return { ...a, pattern: kwarg ? 'client-option' : 'other', category: P13, reason: r, message: MSG.pyApiKey() };
    }
  }
  return null;
}

function php(ctx: Ctx, t: string): Hit | null {
  const r = 'other-language';
  let a = at(/Factory::(createWithApiKey)\s*\(/d, t);
  if (!a && ctx.hubspot) a = at(/Factory::(create)\s*\(/d, t);
  if (a) return { ...a, pattern: 'client-option', category: P13, reason: r, message: MSG.phpFactory() };
  const g = generic(t, 'php');
  if (g) return g;
  if (ctx.hubspot) {
    a = at(/['"](api_?key)['"]\s*=>/di, t);
    if (a) return { ...a, pattern: 'other', category: P13, reason: r, message: MSG.phpConfig() };
  }
  return null;
}

function ruby(_ctx: Ctx, t: string): Hit | null {
  const r = 'other-language';
  let a = at(/(api_key)\s*\[\s*['"]hapikey['"]\s*\]/d, t);
  if (a) return { ...a, pattern: 'client-option', category: P13, reason: r, message: MSG.rubyApiKey() };
  a = at(/(auth_names)\s*(?::|=>)\s*\[?\s*['"]hapikey['"]/d, t);
  if (a) return { ...a, pattern: 'other', category: P13, reason: r, message: MSG.rubyAuthNames() };
  if (/configure|Hubspot/.test(t)) {
    a = at(/(?<![A-Za-z0-9_])(hapikey):(?!:)/d, t);
    if (a) return { ...a, pattern: 'client-option', category: P13, reason: r, message: MSG.rubyOption() };
  }
  return generic(t, 'ruby');
}

function go(ctx: Ctx, t: string): Hit | null {
  if (ctx.hubspot) {
    const a = at(/\b((?:With|Set)APIKey)\s*\(/d, t);
    if (a) return { ...a, pattern: 'client-option', category: P13, reason: 'other-language', message: MSG.goApiKey() };
  }
  return generic(t, 'go');
}

function envDecl(t: string, category: Category = P30): Hit | null {
  const a = at(ENV_DECL, t);
  if (!a || !isHubSpotKeyName(a.match)) return null;
  if (PAT_VALUE.test(t)) {
    return { ...a, pattern: 'other', category: 'P21_BEARER_ALREADY', reason: 'holds-access-token', status: 'ignored', message: MSG.envHoldsToken(a.match) };
  }
  return { ...a, pattern: 'other', category, reason: 'config-declaration', message: MSG.envDecl(a.match) };
}

function shell(_ctx: Ctx, t: string): Hit | null {
  const d = envDecl(t);
  if (d) return d;
  const r = 'shell-command';
  const a = at(QS, t) ?? at(/(?<![A-Za-z0-9_])(hapikey)=/d, t);
  if (a) return { ...a, pattern: 'query-string', category: P13, reason: r, message: MSG.shellQuery() };
  const w = at(WORD, t);
  if (w) return { ...w, pattern: 'other', category: P13, reason: r, message: MSG.shellWord() };
  return null;
}

function configLine(t: string): Hit | null {
  const r = 'config-declaration';
  let a = at(QS, t);
  if (a) return { ...a, pattern: 'query-string', category: P30, reason: r, message: MSG.configUrl() };
  a = at(WORD, t);
  if (a) return { ...a, pattern: 'other', category: P30, reason: r, message: MSG.configWord() };
  return null;
}

function env(_ctx: Ctx, t: string): Hit | null {
  return envDecl(t) ?? configLine(t);
}

const pathName = (path: string[], key: string) => [...path.filter((p) => p !== '{}' && p !== '[]'), key].join('.');

/** A key (JSON or YAML) that declares the HubSpot key. */
function configKey(ctx: Ctx, key: string, path: string[], col: number, envMap: boolean): Hit | null {
  const r = 'config-declaration';
  if (/^hapi_?key$/i.test(key)) return { col, match: key, pattern: 'other', category: P30, reason: r, message: MSG.configKey(pathName(path, key)) };
  if (isHubSpotKeyName(key)) {
    const message = envMap ? MSG.envMap(key) : /^[A-Z0-9_]+$/.test(key) ? MSG.envDecl(key) : MSG.configKey(pathName(path, key));
    return { col, match: key, pattern: 'other', category: P30, reason: r, message };
  }
  // `apiKey` needs a HubSpot context: a HubSpot-ish section (origin/target/hubspot), or a file that mentions HubSpot
  // and puts the key in no named section at all (not `mailgun.api_key` next to HubSpot settings).
  const named = path.filter((p) => p !== '{}' && p !== '[]');
  if (API_KEY_NAME.test(key) && (named.some((p) => HUBSPOT_PATH.test(p)) || (ctx.hubspot && named.length === 0))) {
    return { col, match: key, pattern: 'other', category: P30, reason: r, message: MSG.configKey(pathName(path, key)) };
  }
  return null;
}

function json(ctx: Ctx, t: string, idx: number): Hit | null {
  // package.json metadata (a description or keyword mentioning hapikey) declares nothing
  if (ctx.base === 'package.json' && (/^\s*"(description|name|homepage|author|license|url|email|bugs|repository)"\s*:/.test(t) || /^\s*"[^"]*",?\s*$/.test(t))) return null;
  const toks = ctx.json![idx];
  if (ctx.postman) return postman(toks, t);
  const envFile = ctx.base === 'now.json' || ctx.base === 'vercel.json';
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    if (ctx.base === 'serverless.json' && !tok.isKey && tok.path.includes('secrets') && /api_?key|hapi|hubspot/i.test(tok.value)) {
      return { col: tok.col, match: tok.value, pattern: 'other', category: P30, reason: 'config-declaration', message: MSG.serverlessSecret(tok.value) };
    }
    if (!tok.isKey) continue;
    const inEnvMap = envFile && tok.path.some((p) => p === 'env');
    const h = configKey(ctx, tok.value, tok.path, tok.col, inEnvMap);
    if (h) return h;
    const next = toks[i + 1];
    if (inEnvMap && next && !next.isKey && /hapi_?key|hubspot/i.test(next.value)) {
      return { col: tok.col, match: tok.value, pattern: 'other', category: P30, reason: 'config-declaration', message: MSG.envMap(tok.value) };
    }
  }
  return configLine(t);
}

function postman(toks: StringToken[], t: string): Hit | null {
  const r = 'postman-collection';
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    const next = toks[i + 1];
    if (tok.isKey && tok.value === 'key' && next && !next.isKey && /^hapi_?key$/i.test(next.value)) {
      if (tok.path.some((p) => p === 'variable' || p === 'values')) {
        return { col: next.col, match: next.value, pattern: 'other', category: P30, reason: r, message: MSG.postmanVariable() };
      }
      const q = tok.path.lastIndexOf('query');
      const urlPath = q >= 0 ? tok.path.slice(0, q).join('/') : undefined;
      return { col: next.col, match: next.value, pattern: 'query-string', category: P13, reason: r, message: MSG.postmanQuery(), urlPath };
    }
  }
  const a = at(QS, t);
  if (a) return { ...a, pattern: 'query-string', category: P13, reason: r, message: MSG.postmanQuery() };
  return null; // `{{hapikey}}` placeholders and names are the same parameter, already counted
}

function yaml(ctx: Ctx, t: string, idx: number): Hit | null {
  const yk = ctx.yaml![idx];
  if (yk) {
    const h = configKey(ctx, yk.key, yk.path, yk.col, false);
    if (h) return h;
  }
  const item = at(/^\s*-\s*["']?([A-Za-z_][A-Za-z0-9_]*)=/d, t); // docker-compose `environment:` list
  if (item && isHubSpotKeyName(item.match)) {
    return { ...item, pattern: 'other', category: P30, reason: 'config-declaration', message: MSG.envDecl(item.match) };
  }
  return configLine(t);
}

function code(ctx: Ctx, t: string): Hit | null {
  const minified = ctx.minified!;
  const category: Category = minified ? 'P37_BUILD_OUTPUT' : 'P08_QS_OTHER_CLIENT';
  const reason = minified ? 'minified' : 'unparsed-code';
  const message = minified ? MSG.codeMinified() : MSG.codeUnparsed();
  let a = at(QS, t);
  if (a) return { ...a, pattern: 'query-string', category, reason, message };
  a = at(WORD, t);
  if (a) return { ...a, pattern: 'other', category, reason, message };
  return null;
}

type Detector = (ctx: Ctx, t: string, idx: number) => Hit | null;

const DETECTORS: Partial<Record<Language, Detector>> = {
  python,
  php,
  ruby,
  go,
  java: (_c, t) => generic(t, 'java'),
  csharp: (_c, t) => generic(t, 'csharp'),
  shell,
  env,
  toml: env,
  json,
  yaml,
};

// ---------------------------------------------------------------------------------------------------------------

/**
 * Stable across runs for the same code, and when lines are added or removed around it (a line number would move
 * every code-scanning fingerprint below an edit): the file, the category, the text at the hit and its occurrence.
 */
function siteId(file: string, category: Category, at: string, occurrence: number): string {
  return createHash('sha1').update(`${file}\0${category}\0${at}\0${occurrence}`).digest('hex').slice(0, 12);
}

/** For a Postman query entry, the `"raw"` URL of the same `url` object (a few lines above). */
function postmanUrl(ctx: Ctx, idx: number, urlPath: string): string {
  for (let i = idx - 1; i >= 0 && i >= idx - 200; i--) {
    const raw = ctx.json![i].find((t) => t.isKey && t.value === 'raw' && t.path.join('/') === urlPath);
    if (raw) return ctx.lines[i].text;
  }
  return '';
}

/**
 * Key use found by text in one file: one site per line at most, with the position of the key use (1-based),
 * `status: 'manual'` unless the use is commented out (`ignored`) or a developer key (`developer-key`).
 * Pure: depends on `file` (path, language) and `text` only. Key literals appear only masked, in `secret`.
 */
export function scanText(file: ListedFile, text: string): Site[] {
  const lines = splitLines(text);
  const lang = file.language;
  const base = file.path.slice(file.path.lastIndexOf('/') + 1).toLowerCase();
  const ctx: Ctx = {
    file,
    lines,
    hubspot: HUBSPOT_TEXT.test(text),
    base,
    postman:
      lang === 'json' && (/\.postman_(?:collection|environment)\.json$/.test(base) || /"_postman_id"|schema\.getpostman\.com|"_postman_variable_scope"/.test(text)),
  };
  let detect = DETECTORS[lang];
  if (!detect) {
    // JS/TS and components that were not parsed (minified, broken): text search for hapikey only.
    ctx.minified = isMinifiedName(file.path) || isMinified(text);
    detect = code;
  }
  if (lang === 'json') ctx.json = jsonStrings(lines);
  if (lang === 'yaml') ctx.yaml = yamlKeys(lines);

  const comments = new CommentMap(lines, lang);
  let literals: KeyLiteral[] | null = null;
  const sites: Site[] = [];
  const occurrences = new Map<string, number>();
  for (let idx = 0; idx < lines.length; idx++) {
    const line = lines[idx];
    const hit = detect(ctx, line.text, idx);
    if (!hit) continue;
    let { status = 'manual', category, reason, message } = hit;
    if (comments.isComment(idx, hit.col)) {
      status = 'ignored';
      category = 'P23_COMMENTED';
      reason = 'commented-out';
      message = MSG.commented();
    } else if (status === 'manual') {
      const url = DEVKEY_PATH.test(line.text) || (hit.urlPath !== undefined && DEVKEY_PATH.test(postmanUrl(ctx, idx, hit.urlPath)));
      if (url) {
        status = 'developer-key';
        category = 'P20_DEVKEY';
        reason = 'developer-key-endpoint';
        message = MSG.devKeyEndpoint();
      } else if (DEV_NAME.test(line.text)) {
        status = 'developer-key';
        category = 'P20_DEVKEY';
        reason = 'developer-key-name';
        message = MSG.devKeyName();
      }
    }
    literals ??= findKeyLiterals(text);
    const lineEnd = line.start + line.text.length;
    const lit = literals.find((l) => l.start >= line.start && l.end <= lineEnd);
    const at = `${hit.match}\0${line.text.slice(hit.col, hit.col + 40)}`;
    const occurrence = occurrences.get(category + at) ?? 0;
    occurrences.set(category + at, occurrence + 1);
    const site: Site = {
      id: siteId(file.path, category, at, occurrence),
      file: file.path,
      line: line.n,
      column: hit.col + 1,
      language: lang,
      pattern: hit.pattern,
      status,
      reason,
      message: maskAll(message),
      applied: false,
      requests: [],
      secret: lit ? secretOf(lit) : null,
      category,
    };
    // A declaration of where the key comes from is not key use: once it holds the token, nothing is left to do
    // (so --check passes after the migration). A key literal in it still needs rotating.
    if (site.status === 'manual' && site.reason === 'config-declaration' && site.pattern === 'other' && !lit) site.status = 'ignored';
    if (lit?.kind === 'legacy-api-key') site.flags = status !== 'ignored' ? ['hard-coded-key', 'rotate-key'] : ['key-in-comment', 'rotate-key'];
    sites.push(site);
  }
  return sites;
}
