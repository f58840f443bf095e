// Plausible JS/TS source for the synthetic repository: imports, functions, classes, JSX components, tests,
// declaration files, JSON and Markdown. Syntactically valid (checked with TypeScript's parser when the
// generator is run with --check), never containing the words the scanner's prefilter looks for.

const WORDS = (
  'account action active address admin alert amount app archive asset audit auth avatar badge balance ' +
  'banner batch billing block board body bookmark branch bucket budget buffer build bundle button cache calendar ' +
  'campaign card cart catalog category channel chart checkout client cluster code column comment config contact ' +
  'content context coupon credit cursor customer dashboard data date deal delta device dialog digest document ' +
  'domain draft editor email entry error event feature feed field file filter flag folder form format frame ' +
  'gateway graph grid group handler header history hook host image index input invoice issue item job key ' +
  'label layout lead ledger limit line link list loader locale lock log manager map market media member menu ' +
  'message meta metric mode model node note notice offer order owner page panel parser partner payload ' +
  'payment pipeline plan plugin policy portal post preview price product profile project prompt provider query ' +
  'queue quote range rate reader record region report request resource result review role route rule schedule ' +
  'schema score search section segment selector server session setting shape share sheet shipment signal slot ' +
  'source stage state status step store stream style subscription summary supplier survey sync table tag task ' +
  'team template tenant theme thread ticket timeline token topic total tracker transfer tree trigger upload usage ' +
  'user value variant vendor version view visit wallet webhook widget worker workflow workspace zone'
).split(' ');
const VERBS = (
  'get set load save fetch update create delete remove build parse format render compute resolve validate normalize ' +
  'merge apply find list sync send handle map reduce collect group sort filter select track refresh reset init ' +
  'open close start stop emit notify register attach detach enqueue flush read write'
).split(' ');
const NPM = [
  'lodash', 'date-fns', 'zod', 'uuid', 'express', 'pino', 'dayjs', 'classnames', 'clsx', 'yup', 'ramda', 'rxjs',
  'immer', 'nanoid', 'chalk', 'debug', 'p-limit', 'lru-cache', 'qs', 'ms', 'semver', 'fs-extra', 'node:path',
  'node:fs/promises', 'node:crypto', 'node:events', '@tanstack/react-query', 'react-router-dom', 'redux',
  '@reduxjs/toolkit', 'knex', 'pg', 'ioredis', 'graphql', 'stripe', 'winston', 'jsonwebtoken', 'cors',
];
const TS_TYPES = ['string', 'number', 'boolean', 'string[]', 'number[]', 'Date', 'unknown', 'Record<string, unknown>',
  'Record<string, string>', 'Map<string, number>', 'Set<string>', 'null | string', 'readonly string[]'];
const STRINGS = ['not found', 'invalid input', 'request failed', 'missing value', 'timeout', 'unauthorized',
  'conflict', 'ready', 'done', 'pending', 'retrying', 'skipped', 'queued', 'expired'];

export function word(r) { return r.pick(WORDS); }
export function cap(s) { return s[0].toUpperCase() + s.slice(1); }
export function camel(r, n = 2) {
  let s = r.pick(WORDS);
  for (let i = 1; i < n; i++) s += cap(r.pick(WORDS));
  return s;
}
export function pascal(r, n = 2) { return cap(camel(r, n)); }
export function kebab(r, n = 2) {
  const a = [];
  for (let i = 0; i < n; i++) a.push(r.pick(WORDS));
  return a.join('-');
}
export function fnName(r) { return r.pick(VERBS) + pascal(r, r.int(1, 2)); }
function tsType(r, extra = []) { return r.pick(extra.length && r.chance(0.3) ? extra : TS_TYPES); }
function str(r) { return `'${r.pick(STRINGS)}'`; }
function literal(r) {
  switch (r.int(0, 5)) {
    case 0: return String(r.int(0, 5000));
    case 1: return str(r);
    case 2: return r.chance(0.5) ? 'true' : 'false';
    case 3: return '[]';
    case 4: return `{ ${word(r)}: ${r.int(1, 99)} }`;
    default: return 'null';
  }
}

// ---------------------------------------------------------------------------------------------- statements

function expr(r, vars) {
  const v = r.pick(vars);
  switch (r.int(0, 9)) {
    case 0: return `${v}.${word(r)}`;
    case 1: return `${fnName(r)}(${v})`;
    case 2: return `${v} ?? ${literal(r)}`;
    case 3: return `${v}.filter((x) => x.${word(r)} !== ${literal(r)})`;
    case 4: return `${v}.map((item) => item.${word(r)})`;
    case 5: return `{ ...${v}, ${word(r)}: ${literal(r)} }`;
    case 6: return `\`\${${v}.${word(r)}}-\${${r.int(1, 99)}}\``;
    case 7: return `Object.keys(${v}).length > ${r.int(0, 9)}`;
    case 8: return `await ${fnName(r)}(${v}, { ${word(r)}: ${literal(r)} })`;
    default: return literal(r);
  }
}

function statements(r, vars, count, depth, ind) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const k = r.int(0, depth > 1 ? 5 : 9);
    if (k <= 3) {
      const name = camel(r, 2) + i;
      out.push(`${ind}const ${name} = ${expr(r, vars)};`);
      vars = vars.concat(name);
    } else if (k === 4) {
      out.push(`${ind}${r.pick(['logger.debug', 'logger.info', 'console.log', 'log'])}(${str(r)}, ${r.pick(vars)});`);
    } else if (k === 5) {
      out.push(`${ind}${r.pick(vars)}.${word(r)} = ${expr(r, vars)};`);
    } else if (k === 6) {
      out.push(`${ind}if (!${r.pick(vars)}) {`);
      out.push(r.chance(0.5) ? `${ind}  throw new Error(${str(r)});` : `${ind}  return ${literal(r)};`);
      out.push(`${ind}}`);
    } else if (k === 7) {
      const it = word(r) + 'Item';
      out.push(`${ind}for (const ${it} of ${r.pick(vars)}) {`);
      out.push(...statements(r, vars.concat(it), r.int(1, 3), depth + 1, ind + '  '));
      out.push(`${ind}}`);
    } else if (k === 8) {
      out.push(`${ind}try {`);
      out.push(...statements(r, vars, r.int(1, 3), depth + 1, ind + '  '));
      out.push(`${ind}} catch (err) {`);
      out.push(`${ind}  logger.warn(${str(r)}, err);`);
      out.push(`${ind}}`);
    } else {
      const v = r.pick(vars);
      out.push(`${ind}switch (${v}.${word(r)}) {`);
      for (let c = r.int(1, 3); c > 0; c--) out.push(`${ind}  case ${str(r)}:`, `${ind}    return ${literal(r)};`);
      out.push(`${ind}  default:`, `${ind}    break;`, `${ind}}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- blocks

function params(r, ts, types) {
  const n = r.int(0, 3);
  const ps = [];
  for (let i = 0; i < n; i++) {
    const p = camel(r, 1) + (i ? i : '');
    ps.push(ts ? `${p}${r.chance(0.15) ? '?' : ''}: ${tsType(r, types)}` : p);
  }
  return ps;
}

function functionBlock(r, ctx) {
  const name = fnName(r) + ctx.n++;
  const ps = params(r, ctx.ts, ctx.types);
  const names = ps.map((p) => p.split(/[?:]/)[0]);
  const vars = names.length ? names : ['options'];
  const asyncKw = r.chance(0.4) ? 'async ' : '';
  const ret = ctx.ts ? `: ${asyncKw ? `Promise<${tsType(r, ctx.types)}>` : tsType(r, ctx.types)}` : '';
  const exp = ctx.esm && r.chance(0.7) ? 'export ' : '';
  if (!exp) ctx.locals.push(name);
  else ctx.exported.push(name);
  const doc = r.chance(0.35) ? `/**\n * ${cap(r.pick(VERBS))} the ${word(r)} ${word(r)} for the given ${word(r)}.\n */\n` : '';
  const body = statements(r, vars, r.int(2, 7), 0, '  ');
  body.push(`  return ${expr(r, vars)};`);
  if (r.chance(0.3)) {
    return `${doc}${exp}const ${name} = ${asyncKw}(${ps.join(', ')})${ret} => {\n${body.join('\n')}\n};\n`;
  }
  return `${doc}${exp}${asyncKw}function ${name}(${ps.join(', ')})${ret} {\n${body.join('\n')}\n}\n`;
}

function classBlock(r, ctx) {
  const name = pascal(r, 2) + (r.chance(0.5) ? r.pick(['Service', 'Store', 'Manager', 'Repository', 'Controller']) : '') + ctx.n++;
  const exp = ctx.esm ? 'export ' : '';
  if (ctx.esm) ctx.exported.push(name); else ctx.locals.push(name);
  const ts = ctx.ts;
  const lines = [`${exp}class ${name}${r.chance(0.2) ? ' extends EventEmitter' : ''} {`];
  const fields = [];
  for (let i = r.int(1, 4); i > 0; i--) {
    const f = camel(r, 1) + i;
    fields.push(f);
    if (ts) lines.push(`  ${r.pick(['private ', 'protected ', 'readonly ', ''])}${f}: ${tsType(r, ctx.types)};`);
  }
  lines.push('');
  lines.push(`  constructor(${ts ? 'options: Record<string, unknown> = {}' : 'options = {}'}) {`);
  if (lines[0].includes('extends')) lines.push('    super();');
  for (const f of fields) lines.push(`    this.${f} = ${ts ? `options.${f} as never` : `options.${f}`};`);
  lines.push('  }');
  for (let m = r.int(1, 4); m > 0; m--) {
    const mn = fnName(r);
    const ps = params(r, ts, ctx.types);
    const vars = ps.map((p) => p.split(/[?:]/)[0]).concat(fields.map((f) => `this.${f}`));
    const asyncKw = r.chance(0.4) ? 'async ' : '';
    lines.push('');
    lines.push(`  ${asyncKw}${mn}(${ps.join(', ')})${ts ? `: ${asyncKw ? 'Promise<unknown>' : 'unknown'}` : ''} {`);
    lines.push(...statements(r, vars, r.int(1, 5), 0, '    '));
    lines.push(`    return ${expr(r, vars)};`);
    lines.push('  }');
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function interfaceBlock(r, ctx) {
  const name = pascal(r, 2) + ctx.n++;
  ctx.types.push(name);
  const lines = [`${ctx.esm ? 'export ' : ''}interface ${name} {`];
  for (let i = r.int(2, 8); i > 0; i--) lines.push(`  ${camel(r, r.int(1, 2))}${r.chance(0.3) ? '?' : ''}: ${tsType(r, ctx.types)};`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

function typeBlock(r, ctx) {
  const name = pascal(r, 2) + ctx.n++;
  ctx.types.push(name);
  const alts = [];
  for (let i = r.int(2, 6); i > 0; i--) alts.push(`'${kebab(r, r.int(1, 2))}'`);
  return `${ctx.esm ? 'export ' : ''}type ${name} = ${alts.join(' | ')};\n`;
}

function enumBlock(r, ctx) {
  const name = pascal(r, 1) + 'Kind' + ctx.n++;
  const members = [];
  for (let i = r.int(2, 6); i > 0; i--) members.push(`  ${pascal(r, 1)}${i} = '${word(r)}-${i}',`);
  return `${ctx.esm ? 'export ' : ''}enum ${name} {\n${members.join('\n')}\n}\n`;
}

function constBlock(r, ctx) {
  const name = (r.chance(0.5) ? camel(r, 2) : `${word(r)}_${word(r)}`.toUpperCase()) + ctx.n++;
  if (ctx.esm && r.chance(0.6)) ctx.exported.push(name); else ctx.locals.push(name);
  const exp = ctx.esm && ctx.exported.at(-1) === name ? 'export ' : '';
  const entries = [];
  for (let i = r.int(2, 10); i > 0; i--) entries.push(`  ${camel(r, r.int(1, 2))}: ${literal(r)},`);
  return `${exp}const ${name} = {\n${entries.join('\n')}\n}${ctx.ts && r.chance(0.4) ? ' as const' : ''};\n`;
}

function componentBlock(r, ctx) {
  const name = pascal(r, 2) + ctx.n++;
  const props = [camel(r, 1), camel(r, 1) + '2', 'onChange'];
  const state = camel(r, 1) + 'Value';
  const setter = 'set' + cap(state);
  const lines = [];
  if (ctx.ts) {
    lines.push(`interface ${name}Props {`, `  ${props[0]}: string;`, `  ${props[1]}?: number;`,
      `  onChange?: (value: string) => void;`, '}', '');
  }
  lines.push(`export function ${name}({ ${props.join(', ')} }${ctx.ts ? `: ${name}Props` : ''}) {`);
  lines.push(`  const [${state}, ${setter}] = useState${ctx.ts ? '<string>' : ''}(${props[0]});`);
  if (r.chance(0.5)) {
    lines.push('  useEffect(() => {', `    ${setter}(${props[0]});`, `  }, [${props[0]}]);`);
  }
  lines.push('', '  return (');
  lines.push(`    <div className="${kebab(r, 2)}">`);
  lines.push(`      <h2>{${props[0]}}</h2>`);
  for (let i = r.int(0, 4); i > 0; i--) {
    const k = r.int(0, 3);
    if (k === 0) lines.push(`      <p className="${kebab(r, 1)}">${cap(word(r))} ${word(r)} {${props[1]} ?? ${r.int(0, 9)}}</p>`);
    else if (k === 1) lines.push(`      <button type="button" onClick={() => onChange?.(${state})}>${cap(word(r))}</button>`);
    else if (k === 2) lines.push(`      <input value={${state}} onChange={(e) => ${setter}(e.target.value)} />`);
    else lines.push(`      {${state} && <span>{${state}.length}</span>}`);
  }
  lines.push('    </div>', '  );', '}');
  ctx.exported.push(name);
  return lines.join('\n') + '\n';
}

function testBlock(r, ctx) {
  const subject = fnName(r);
  const lines = [`describe('${subject}', () => {`];
  for (let i = r.int(1, 5); i > 0; i--) {
    const v = camel(r, 1);
    lines.push(`  it('${r.pick(['returns', 'handles', 'rejects', 'keeps', 'ignores'])} ${word(r)} ${word(r)}', ${r.chance(0.4) ? 'async ' : ''}() => {`);
    lines.push(`    const ${v} = { ${word(r)}: ${literal(r)}, ${word(r)}1: ${literal(r)} };`);
    lines.push(`    const result = ${subject}(${v});`);
    for (let j = r.int(1, 3); j > 0; j--) {
      lines.push(`    expect(result${r.chance(0.5) ? `.${word(r)}` : ''}).${r.pick(['toBe', 'toEqual', 'toStrictEqual'])}(${literal(r)});`);
    }
    lines.push('  });');
  }
  lines.push('});');
  return lines.join('\n') + '\n';
}

function declBlock(r, ctx) {
  const name = pascal(r, 2) + ctx.n++;
  const lines = [`export interface ${name} {`];
  for (let i = r.int(2, 10); i > 0; i--) lines.push(`  ${camel(r, r.int(1, 2))}${r.chance(0.3) ? '?' : ''}: ${tsType(r)};`);
  lines.push('}', `export declare function ${fnName(r)}${ctx.n++}(input: ${name}): Promise<${tsType(r)}>;`);
  return lines.join('\n') + '\n';
}

/** Non-HubSpot `apiKey` usage (Stripe, maps, analytics): passes no HubSpot prefilter but looks like a key. */
export function foreignApiKeyBlock(r, ctx) {
  const name = camel(r, 1) + 'Client' + ctx.n++;
  const vendor = r.pick([
    ['Stripe', 'STRIPE_SECRET_KEY'], ['GoogleMaps', 'GOOGLE_MAPS_API_KEY'], ['Segment', 'SEGMENT_WRITE_KEY'],
    ['SendGrid', 'SENDGRID_API_KEY'], ['Algolia', 'ALGOLIA_API_KEY'],
  ]);
  return `const ${name} = create${vendor[0]}Client({ apiKey: process.env.${vendor[1]}, timeout: ${r.int(1, 30) * 1000} });\n`;
}

// ---------------------------------------------------------------------------------------------- files

function importLines(r, ctx, n) {
  const lines = [];
  const usedNames = new Set();
  const uniq = (s) => {
    while (usedNames.has(s)) s += 'X';
    usedNames.add(s);
    return s;
  };
  for (let i = 0; i < n; i++) {
    const rel = r.chance(0.6);
    const from = rel ? `${r.pick(['./', '../', '../../'])}${kebab(r, r.int(1, 2))}` : r.pick(NPM);
    if (ctx.esm) {
      if (!rel && r.chance(0.5)) {
        lines.push(`import ${uniq(camel(r, 1) + 'Lib')} from '${from}';`);
      } else {
        const names = [];
        for (let j = r.int(1, 4); j > 0; j--) names.push(uniq(r.chance(0.3) ? pascal(r, 2) : fnName(r)));
        lines.push(`import ${ctx.ts && r.chance(0.2) ? 'type ' : ''}{ ${names.join(', ')} } from '${from}';`);
      }
    } else {
      lines.push(`const ${uniq(camel(r, 1) + 'Lib')} = require('${from}');`);
    }
  }
  return lines;
}

/**
 * Make the text of one file.
 * kind: ts | tsx | jsx | js-esm | js-cjs | mjs | cjs | test-ts | test-js | dts | index | json | md | bundle
 * target: approximate size in bytes. `plant` (optional): { imports: { esm: [], cjs: [] }, body } inserted after the
 * first blocks; the returned `plantLine` is the 1-based line where `body` starts.
 */
export function makeFile(r, kind, target, plant = null) {
  if (kind === 'json') return { text: jsonFile(r, target) };
  if (kind === 'md') return { text: mdFile(r, target) };
  if (kind === 'index') return { text: indexFile(r, target) };
  const ts = kind === 'ts' || kind === 'tsx' || kind === 'test-ts' || kind === 'dts';
  const esm = kind !== 'js-cjs' && kind !== 'cjs';
  const ctx = { ts, esm, n: 1, types: [], exported: [], locals: [] };
  const head = [];
  if (kind === 'js-cjs' || kind === 'cjs') head.push("'use strict';", '');
  if (kind === 'tsx' || kind === 'jsx') head.push(`import React, { useState, useEffect } from 'react';`);
  if (kind === 'test-ts' || kind === 'test-js') head.push(`import { describe, it, expect } from '${r.pick(['vitest', '@jest/globals'])}';`);
  if (kind !== 'dts') head.push(...importLines(r, ctx, r.int(0, 5)));
  if (plant) head.push(...(esm ? plant.imports.esm : plant.imports.cjs));
  if (ts && kind !== 'dts' && r.chance(0.2)) head.push(`import { EventEmitter } from 'node:events';`);
  else if (!ts && kind !== 'dts') head.push(esm ? `import { EventEmitter } from 'node:events';` : `const { EventEmitter } = require('node:events');`);
  head.push(esm ? `import { logger, log } from '${r.pick(['../logger', '../../lib/logger', '@/lib/logger'])}';` : `const { logger, log } = require('../logger');`);
  let text = head.join('\n') + '\n\n';
  let plantLine = 0;
  const blockFor = () => {
    if (kind === 'dts') return declBlock(r, ctx);
    if (kind === 'test-ts' || kind === 'test-js') return testBlock(r, ctx);
    if ((kind === 'tsx' || kind === 'jsx') && r.chance(0.5)) return componentBlock(r, ctx);
    const k = r.int(0, 9);
    if (ts && k === 0) return interfaceBlock(r, ctx);
    if (ts && k === 1) return typeBlock(r, ctx);
    if (ts && k === 2 && r.chance(0.3)) return enumBlock(r, ctx);
    if (k === 3) return constBlock(r, ctx);
    if (k <= 5) return classBlock(r, ctx);
    return functionBlock(r, ctx);
  };
  let blocks = 0;
  const plantAfter = plant ? r.int(0, 2) : -1;
  while (text.length < target || blocks === 0 || (plant && !plantLine)) {
    if (blocks === plantAfter || (plant && !plantLine && text.length >= target)) {
      plantLine = countLines(text) + 1;
      text += plant.body + '\n';
    }
    text += blockFor() + '\n';
    blocks++;
  }
  if (!esm) {
    const names = ctx.locals.concat(ctx.exported).concat(plant ? plant.exports : []);
    text += `module.exports = { ${names.slice(0, 12).join(', ')} };\n`;
  }
  return { text, plantLine };
}

export function countLines(s) {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function indexFile(r, target) {
  const lines = [];
  let size = 0;
  do {
    const l = r.chance(0.7)
      ? `export * from './${kebab(r, r.int(1, 2))}';`
      : `export { ${fnName(r)}, ${pascal(r, 2)} } from './${kebab(r, r.int(1, 2))}';`;
    lines.push(l);
    size += l.length + 1;
  } while (size < target);
  return lines.join('\n') + '\n';
}

function jsonFile(r, target) {
  if (target < 1500 && r.chance(0.5)) {
    const pkg = {
      name: `@acme/${kebab(r, 2)}`,
      version: `${r.int(0, 4)}.${r.int(0, 20)}.${r.int(0, 9)}`,
      private: true,
      type: r.chance(0.6) ? 'module' : 'commonjs',
      main: 'dist/index.js',
      scripts: { build: 'tsc -p .', test: 'vitest run', lint: 'eslint src' },
      dependencies: {},
    };
    for (let i = r.int(1, 8); i > 0; i--) pkg.dependencies[r.pick(NPM)] = `^${r.int(1, 9)}.${r.int(0, 9)}.0`;
    return JSON.stringify(pkg, null, 2) + '\n';
  }
  const rows = [];
  let size = 0;
  do {
    const row = { id: `${word(r)}-${r.int(1, 99999)}`, [word(r)]: r.pick(STRINGS), count: r.int(0, 999), ok: r.chance(0.5) };
    const s = JSON.stringify(row);
    rows.push(s);
    size += s.length + 4;
  } while (size < target);
  return `[\n  ${rows.join(',\n  ')}\n]\n`;
}

function mdFile(r, target) {
  const out = [`# ${cap(word(r))} ${word(r)}`, ''];
  let size = 0;
  do {
    const para = [];
    for (let i = r.int(8, 40); i > 0; i--) para.push(word(r));
    const l = r.chance(0.2) ? `## ${cap(word(r))}\n\n\`\`\`sh\nnpm run ${word(r)}\n\`\`\`\n` : cap(para.join(' ')) + '.\n';
    out.push(l);
    size += l.length;
  } while (size < target);
  return out.join('\n');
}
