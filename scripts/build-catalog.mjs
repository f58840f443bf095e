#!/usr/bin/env node
// Builds the compact scope catalog (src/scopes/catalog.json) from the research catalog
// (hubspot-catalog.json, kept outside the project). Facts only: method, path pattern (template and
// regex), scope alternatives, developer-key flag, API version, confidence. Spec file names, summaries
// and prose are dropped.
//
// Usage: node scripts/build-catalog.mjs <hubspot-catalog.json | catalog-facts.json.gz> [out.json] [--facts out.json.gz]
// The generator first reduces its input to the facts it reads (facts(), no prose, no spec text); that reduction is
// shipped as scripts/catalog-facts.json.gz (--facts writes it), so a clean clone can rebuild the catalog too. The
// catalog's sourceSha256 is the hash of those facts: the research catalog and the shipped facts give the same file.
// The output is deterministic (sorted keys, sorted operations, one record per line), so a rerun on either input
// reproduces the committed file byte for byte (test/scopes/catalog-build.test.ts checks it).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

// Legacy rules the research catalog does not list, each with its source. Inserted before the rule
// named in `before` (rules are first-match).
const SUPPLEMENTARY_RULES = [
  {
    before: 'properties-v1v2-contacts',
    rule: {
      id: 'contacts-v1v2-properties',
      family: 'Contact properties, old path form /contacts/v1|v2/properties|groups',
      pathRegex: '^/contacts/v[12]/(properties|groups)(/.*)?$',
      scopes: { read: ['crm.schemas.contacts.read'], write: ['crm.schemas.contacts.write'] },
      confidence: 'inferred',
      source:
        'path form used by the hubspot npm package 1.x (lib/contact_property.js: GET /contacts/v2/properties); ' +
        'same API as /properties/v1/contacts/properties, whose scope is documented at ' +
        'https://developers.hubspot.com/docs/methods/contacts/v2/get_contacts_properties (crm.schemas.contacts.read)',
    },
  },
];

// Rules for endpoints the research catalog does not list, or lists only within a wider family, each with its source.
SUPPLEMENTARY_RULES.push(
  {
    before: 'contacts-v1-all',
    rule: {
      id: 'schemas-v3-purge',
      family: 'CRM schemas v3: purge (hard delete) of a custom object schema',
      pathRegex: '^/(crm/v3|crm-object-schemas/v3)/schemas/[^/]+/purge/?$',
      scopes: { write: ['crm.schemas.custom.write'] },
      confidence: 'inferred',
      source:
        'https://developers.hubspot.com/changelog/two-updates-to-the-crm-schemas-api (2021-01: DELETE ' +
        '/crm-object-schemas/v3/schemas/{objectType}/purge redirected to the schema DELETE with archived=true, 404 after 90 days); ' +
        'that DELETE /crm-object-schemas/v3/schemas/{objectType} needs crm.schemas.custom.write (spec)',
    },
  },
  {
    before: 'engagements-v1',
    rule: {
      id: 'engagements-v1-associated',
      family: 'Engagements v1: engagements associated with one object (GET /engagements/v1/engagements/associated/{objectType}/{objectId}/paged)',
      // a literal object type only: a run-time one falls through to engagements-v1
      pathRegex: '^/engagements/v1/engagements/associated/[^/{}]+/[^/]+/paged/?$',
      typeSeg: 5,
      scopes: { read: ['crm.objects.<objectType>.read'] },
      confidence: 'inferred',
      source:
        'path form: https://developers.hubspot.com/docs/api-reference/legacy/engagements-v1/engagements/get-engagements-v1-engagements-associated-crm-object-id-paged ' +
        '(as linked from third-party docs; also hubspot-api-ruby GET_ASSOCIATED_ENGAGEMENTS); ' +
        'engagements v1 reads accept the read scope of any object type, and the research notes of engagements-v1: ' +
        '"Practically: grant the read/write scope of every object type the engagement is associated with" (here: the one in the path)',
    },
  },
);

// Facts added to rules of the research catalog, each with its source. `bodyTypes`: the request-body arrays that name
// the object types a call associates (key path → object type); the scopes then follow those object types.
const RULE_ADDITIONS = {
  'engagements-v1': {
    bodyTypes: {
      'associations.contactIds': 'contacts',
      'associations.companyIds': 'companies',
      'associations.dealIds': 'deals',
      'associations.ticketIds': 'tickets',
    },
    bodyTypesSource:
      'https://developers.hubspot.com/docs/methods/engagements/create_engagement (body: associations.contactIds, companyIds, dealIds, ' +
      'ownerIds, ticketIds; write scopes: any of the object write scopes) and the research notes of this rule: "Practically: grant ' +
      'the read/write scope of every object type the engagement is associated with"',
  },
};

// Path aliases the research catalog does not list (same API, two URL forms).
const SUPPLEMENTARY_ALIASES = [
  {
    a: '/crm/v3/objects/',
    b: '/crm/objects/v3/',
    source: 'spec CRM/Appointments v3 and CRM/Projects v3 declare /crm/objects/v3/{objectType}… for the endpoints documented as /crm/v3/objects/{objectType}…',
  },
];

function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--facts');
  const factsOut = at >= 0 ? args.splice(at, 2)[1] : null;
  const [input, output] = args;
  if (!input) {
    console.error('usage: node scripts/build-catalog.mjs <hubspot-catalog.json | catalog-facts.json.gz> [out.json] [--facts out.json.gz]');
    process.exit(2);
  }
  let raw = readFileSync(input);
  if (input.endsWith('.gz')) raw = gunzipSync(raw);
  const src = facts(JSON.parse(raw.toString('utf8')));
  const text = JSON.stringify(sortKeys(src)) + '\n';
  if (factsOut) writeFileSync(factsOut, gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
  const compact = build(src, createHash('sha256').update(text).digest('hex'));
  const out = output ?? resolve(here, '../src/scopes/catalog.json');
  writeFileSync(out, serialise(compact));
  console.log(`wrote ${out}: ${compact.paths.length} paths, ${compact.auth.length} auth sets, ${compact.legacyRules.length} legacy rules`);
}

/** What build() reads of the research catalog, nothing else (idempotent: facts(facts(x)) equals facts(x)). */
function facts(src) {
  const pick = (o, keys) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
  return {
    meta: {
      generatedAt: src.meta.generatedAt,
      specSnapshots: Object.fromEntries(Object.entries(src.meta.specSnapshots).map(([k, v]) => [k, pick(v, ['date', 'commit'])])),
    },
    scopes: Object.fromEntries(Object.entries(src.scopes).map(([k, v]) => [k, v.possiblyInternal ? { possiblyInternal: true } : {}])),
    operations: src.operations.map((op) => pick(op, ['method', 'path', 'pathRegex', 'version', 'beta', 'authClass', 'objectTypeDependent', 'anyOfScopes', 'scopeAlternatives', 'developerHapikeyAccepted'])),
    legacyEndpointRules: src.legacyEndpointRules.map((r) => pick(r, ['id', 'family', 'pathRegex', 'scopes', 'confidence', 'scopeSemantics', 'also', 'privateAppSupported'])),
    scopeSpellingDifferences: src.scopeSpellingDifferences.map((d) => pick(d, ['docTable', 'spec'])),
    objectTypes: Object.fromEntries(Object.entries(src.objectTypes).filter(([k]) => !k.startsWith('_'))
      .map(([k, t]) => [k, pick(t, ['recordsReadAnyOf', 'recordsWriteAnyOf', 'schemaScopes', 'objectTypeId', 'aliasOf'])])),
    developerKeyEndpoints: src.developerKeyEndpoints.map((d) => ({
      ...pick(d, ['pathRegex', 'what', 'methods']),
      confidence: d.confidence ?? (d.sources.some((x) => x.startsWith('spec')) ? 'spec' : 'doc-method'),
    })),
    unsupportedForPrivateApps: src.unsupportedForPrivateApps.map((u) => pick(u, ['what', 'paths'])),
    pathAliases: src.pathAliases.map((a) => pick(a, ['a', 'b'])),
  };
}

function build(src, sha256) {
  // Alternatives naming a scope absent from the catalog's scope table are spec test artefacts
  // (e.g. "ACCEPTANCE_TEST.visibility…"): dropped.
  const known = new Set(Object.keys(src.scopes));
  const auth = new AuthTable(known);
  const paths = new Map();
  for (const op of src.operations) {
    if (!METHODS.includes(op.method)) throw new Error(`unexpected method ${op.method} on ${op.path}`);
    const derivable =
      templateRegex(op.path) === op.pathRegex ||
      (op.path.endsWith('/') && templateRegex(op.path.slice(0, -1)) === op.pathRegex);
    if (!derivable) throw new Error(`pathRegex of ${op.method} ${op.path} is not derived from its template: ${op.pathRegex}`);
    let group = paths.get(op.path);
    if (!group) {
      group = { p: op.path, re: op.pathRegex, v: op.version, ops: {} };
      if (op.beta) group.beta = true;
      paths.set(op.path, group);
    } else if (group.re !== op.pathRegex || group.v !== op.version) {
      throw new Error(`inconsistent regex/version for ${op.path}`);
    }
    if (group.ops[op.method] !== undefined) throw new Error(`duplicate operation ${op.method} ${op.path}`);
    group.ops[op.method] = auth.ref(op);
  }

  const legacyRules = [];
  const rules = src.legacyEndpointRules.map((r) => (RULE_ADDITIONS[r.id] ? { ...r, ...RULE_ADDITIONS[r.id] } : r));
  for (const id of Object.keys(RULE_ADDITIONS)) if (!rules.some((r) => r.id === id)) throw new Error(`rule addition for unknown rule ${id}`);
  for (const { before, rule } of SUPPLEMENTARY_RULES) {
    const at = rules.findIndex((r) => r.id === before);
    if (at < 0) throw new Error(`supplementary rule anchor ${before} not found`);
    rules.splice(at, 0, { ...rule, supplement: true });
  }
  for (const r of rules) legacyRules.push(...compactRule(r));

  return {
    meta: {
      source: 'hubspot-catalog.json (migrate-hapikey research notes; HubSpot OpenAPI spec collection + HubSpot doc pages)',
      sourceSha256: sha256,
      sourceGeneratedAt: src.meta.generatedAt,
      specSnapshots: Object.fromEntries(
        Object.entries(src.meta.specSnapshots).map(([k, v]) => [k, `${v.date} ${v.commit.slice(0, 9)}`]),
      ),
      operations: src.operations.length,
      operationsConfidence: 'spec',
      format: {
        paths: 'p = path template, re = path regex, v = API version, beta, ops = method -> index into auth',
        auth: 'a = authClass (account-token | developer | none-listed); s = scope alternatives (OR-list of AND-lists, spec order); any = object-type dependent: any one of these scopes, resolve by object type; dk = developer hapikey accepted',
        internalScopes: 'scope names flagged as possibly HubSpot-internal (not offered to apps); never preferred',
        legacyRules: 'first match wins; read/write = scope alternatives; conf = confidence (per access class when they differ); also = scopes possibly needed as well; typeSeg = path segment holding the object type for <objectType> in scope names; bodyTypes = request-body arrays naming the object types the call associates (key path -> object type): the alternatives of those types are the scopes',
      },
    },
    internalScopes: Object.entries(src.scopes)
      .filter(([, v]) => v.possiblyInternal)
      .map(([k]) => k)
      .sort(),
    scopeSpellingDifferences: src.scopeSpellingDifferences.map((d) => ({ docTable: d.docTable, spec: d.spec })),
    objectTypes: compactObjectTypes(src.objectTypes),
    auth: auth.list(),
    paths: [...paths.values()].sort((x, y) => cmp(x.p, y.p)),
    legacyRules,
    developerKeyEndpoints: src.developerKeyEndpoints.map((d) => {
      const e = { re: d.pathRegex, what: d.what, conf: d.confidence };
      if (d.methods) e.methods = [...d.methods].sort();
      new RegExp(e.re);
      return e;
    }),
    unsupportedForPrivateApps: src.unsupportedForPrivateApps.map((u) => ({ what: u.what, res: [...u.paths] })),
    pathAliases: [
      ...src.pathAliases.filter((a) => !a.b.includes(' ')).map((a) => ({ a: a.a, b: a.b })),
      ...SUPPLEMENTARY_ALIASES.map((a) => ({ a: a.a, b: a.b, supplement: true })),
    ],
  };
}

class AuthTable {
  constructor(known) {
    this.known = known;
    this.index = new Map();
    this.entries = [];
  }
  ref(op) {
    const e = { a: op.authClass };
    if (op.objectTypeDependent) {
      if (!Array.isArray(op.anyOfScopes)) throw new Error(`object-type dependent ${op.path} without anyOfScopes`);
      e.any = [...new Set(op.anyOfScopes)].filter((s) => this.known.has(s)).sort();
    } else {
      e.s = op.scopeAlternatives
        .filter((alt) => alt.every((s) => this.known.has(s)))
        .map((alt) => [...new Set(alt)].sort());
    }
    if (op.developerHapikeyAccepted) e.dk = true;
    const key = JSON.stringify(sortKeys(e));
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.entries.length;
      this.index.set(key, i);
      this.entries.push(e);
    }
    return i;
  }
  list() {
    return this.entries;
  }
}

function compactRule(r) {
  new RegExp(r.pathRegex);
  const conf = parseConfidence(r.confidence);
  const allOf = typeof r.scopeSemantics === 'string' && r.scopeSemantics.startsWith('all-of');
  const alts = (list) => {
    if (!list) return undefined;
    if (list.length === 0) return [[]];
    return allOf ? [[...list].sort()] : list.map((s) => [s]);
  };
  // "crm.objects.deals.read (deals)" style entries: one rule per object type
  const annotated = Object.values(r.scopes).flat().filter((s) => /\s\(([^)]+)\)$/.test(s));
  if (annotated.length) {
    const types = [...new Set(annotated.map((s) => s.match(/\(([^)]+)\)$/)[1]))];
    const m = r.pathRegex.match(/^(.*)\(([a-z_|]+)\)(.*)$/);
    if (!m || types.some((t) => !m[2].split('|').includes(t))) throw new Error(`cannot split rule ${r.id}`);
    return types.map((t) => {
      const pick = (list) => list && list.filter((s) => s.endsWith(`(${t})`)).map((s) => s.replace(/\s\(.*\)$/, ''));
      return ruleOut(r, `${r.id}-${t}`, `${m[1]}${t}${m[3]}`, alts(pick(r.scopes.read)), alts(pick(r.scopes.write)), conf);
    });
  }
  const out = ruleOut(r, r.id, r.pathRegex, alts(r.scopes.read), alts(r.scopes.write), conf);
  if (Object.values(r.scopes).flat().some((s) => s.includes('<objectType>'))) {
    const segs = r.pathRegex.replace(/^\^/, '').replaceAll('[^/]+', '\0').split('/');
    const at = r.typeSeg ?? segs.findIndex((s) => s === '\0');
    if (at < 0) throw new Error(`no object-type segment in ${r.id}`);
    out.typeSeg = at;
  }
  return [out];
}

function ruleOut(r, id, re, read, write, conf) {
  const out = { id, family: r.family, re, conf };
  if (read) out.read = read;
  if (write) out.write = write;
  if (r.also) out.also = Object.fromEntries(Object.entries(r.also).map(([k, v]) => [k, [...v].sort()]));
  if (r.privateAppSupported === false) out.privateApps = false;
  if (r.bodyTypes) {
    out.bodyTypes = r.bodyTypes;
    out.bodyTypesSource = r.bodyTypesSource;
  }
  if (r.supplement) {
    out.supplement = true;
    out.source = r.source;
  }
  return out;
}

function parseConfidence(c) {
  // e.g. "doc-method (write) / inferred (read)"
  const parts = c.split('/').map((s) => s.trim().match(/^(\S+)\s*\((read|write)\)$/));
  if (parts.every(Boolean)) return Object.fromEntries(parts.map((m) => [m[2], m[1]]));
  return c;
}

function compactObjectTypes(src) {
  const out = {};
  for (const [name, t] of Object.entries(src)) {
    if (name.startsWith('_')) continue;
    const key = name.startsWith('custom') ? 'custom' : name;
    const e = { read: [...t.recordsReadAnyOf], write: [...t.recordsWriteAnyOf] };
    if (t.schemaScopes?.read) e.schemaRead = t.schemaScopes.read;
    if (t.schemaScopes?.write) e.schemaWrite = t.schemaScopes.write;
    if (t.objectTypeId) e.id = t.objectTypeId;
    if (t.aliasOf) e.aliasOf = t.aliasOf;
    out[key] = e;
  }
  return out;
}

function templateRegex(path) {
  return '^' + path.split(/(\{[^}]+\})/).map((p) => (/^\{.*\}$/.test(p) ? '[^/]+' : escapeLiteral(p))).join('') + '/?$';
}

function escapeLiteral(s) {
  return s.replace(/[.*+?^$()|[\]\\-]/g, '\\$&');
}

function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  }
  return v;
}

// Stable formatting: top-level keys sorted; each element of a top-level array and each entry of a
// top-level object on its own line; everything inside written with sorted keys and no spaces.
function serialise(obj) {
  const lines = ['{'];
  const keys = Object.keys(obj).sort();
  keys.forEach((k, i) => {
    const v = obj[k];
    const comma = i < keys.length - 1 ? ',' : '';
    if (Array.isArray(v)) {
      lines.push(`${JSON.stringify(k)}: [`);
      v.forEach((e, j) => lines.push(JSON.stringify(sortKeys(e)) + (j < v.length - 1 ? ',' : '')));
      lines.push(']' + comma);
    } else if (v && typeof v === 'object') {
      lines.push(`${JSON.stringify(k)}: {`);
      const ks = Object.keys(v).sort();
      ks.forEach((kk, j) => lines.push(`${JSON.stringify(kk)}: ${JSON.stringify(sortKeys(v[kk]))}` + (j < ks.length - 1 ? ',' : '')));
      lines.push('}' + comma);
    } else {
      lines.push(`${JSON.stringify(k)}: ${JSON.stringify(v)}${comma}`);
    }
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}

main();
