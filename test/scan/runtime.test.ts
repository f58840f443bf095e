// Where code runs decides whether a key use is browser code (issue 11, item 5): by the file, then the repository.
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/scan/ast.js';
import { browserAt, fileRuntime, type Runtime } from '../../src/scan/runtime.js';
import { run } from '../../src/run/run.js';
import { writeTree } from '../discover/tree.js';

const FETCH = "const r = await fetch(`https://api.hubapi.com/crm/v3/objects/contacts?hapikey=${process.env.HUBSPOT_KEY}`);\n";
const COMPONENT = "import React from 'react';\nexport default function Card() { return <div/>; }\n";

/** [path, text, browserApp (package.json says browser app), expected runtime, rule] */
type Row = [string, string, boolean, Runtime, string];
const ROWS: Row[] = [
  // Gatsby
  ['gatsby-node.ts', `export const sourceNodes = async () => { ${FETCH} };`, true, 'server', 'gatsby-node'],
  ['plugins/gatsby-source-hubspot/gatsby-node.js', `exports.sourceNodes = async () => { ${FETCH} };`, true, 'server', 'gatsby-node'],
  ['src/source/hubspot.ts', `export const sourceNodes = async ({ actions }) => { ${FETCH} };`, true, 'server', 'server-export'],
  ['src/source/nodes.js', `exports.createPages = async () => { ${FETCH} };`, true, 'server', 'server-export'],
  ['src/api/contact.ts', `export default async function handler(req, res) { ${FETCH} }`, true, 'server', 'gatsby-function'],
  ['src/components/Form.jsx', `${COMPONENT}async function send() { ${FETCH} }`, true, 'browser', 'browser-app'],
  ['src/components/Form.jsx', `${COMPONENT}const k = process.env.GATSBY_HUBSPOT_KEY;`, false, 'browser', 'public-env'],
  // Next.js
  ['pages/api/contacts.ts', `export default async function handler(req, res) { ${FETCH} }`, true, 'server', 'next-api-route'],
  ['app/api/contacts/route.ts', `export async function GET() { ${FETCH} }`, true, 'server', 'next-route-handler'],
  ['app/contacts/page.tsx', `export default async function Page() { ${FETCH} }`, true, 'server', 'server-component'],
  ['app/contacts/Form.tsx', `'use client';\n${COMPONENT}`, false, 'browser', 'use-client'],
  ['src/app/contacts/Form.tsx', `// a form\n"use client";\n${COMPONENT}`, false, 'browser', 'use-client'],
  ['middleware.ts', 'export function middleware(req) {}', true, 'server', 'next-middleware'],
  ['src/lib/hubspot.ts', 'export const k = process.env.NEXT_PUBLIC_HUBSPOT_KEY;', false, 'browser', 'public-env'],
  // Remix
  ['app/routes/contacts.server.ts', FETCH, true, 'server', 'server-module'],
  // a route module: its component ships to the browser, its loader does not (see browserAt below)
  ['app/routes/contacts.tsx', `import { json } from '@remix-run/node';\nexport async function loader() { ${FETCH} }`, true, 'browser', 'browser-app'],
  // SvelteKit
  ['src/routes/contacts/+server.ts', `export async function GET() { ${FETCH} }`, true, 'server', 'sveltekit-server'],
  ['src/routes/contacts/+page.server.js', `export async function load() { ${FETCH} }`, true, 'server', 'sveltekit-server'],
  ['src/hooks.server.ts', FETCH, true, 'server', 'sveltekit-server'],
  ['src/lib/server/hubspot.ts', FETCH, true, 'server', 'sveltekit-server'],
  ['src/routes/contacts/+page.svelte', FETCH, true, 'browser', 'component'],
  ['src/routes/contacts/+page.js', FETCH, true, 'browser', 'browser-app'],
  // Nuxt, Vue
  ['server/api/contacts.ts', `export default defineEventHandler(async () => { ${FETCH} })`, true, 'server', 'server-folder'],
  ['components/Contact.vue', FETCH, false, 'browser', 'component'],
  // functions
  ['netlify/functions/submit.js', `exports.handler = async () => { ${FETCH} };`, true, 'server', 'netlify-function'],
  ['functions/submit.js', FETCH, true, 'server', 'function'],
  ['lambda/sync.ts', FETCH, true, 'server', 'function'],
  ['src/sync.js', `exports.handler = async (event) => { ${FETCH} };`, true, 'server', 'server-export'],
  ['api/hubspot.js', `module.exports = async (req, res) => { ${FETCH} };`, true, 'server', 'api-folder'],
  // CLI scripts and build tooling
  ['scripts/import-contacts.js', FETCH, true, 'server', 'script'],
  ['bin/sync', FETCH, true, 'server', 'script'],
  ['tools/sync.js', `#!/usr/bin/env node\n${FETCH}`, true, 'server', 'node-import'],
  ['src/sync.ts', `import fs from 'node:fs';\n${FETCH}`, true, 'server', 'node-import'],
  ['src/sync.js', `require('dotenv').config();\n${FETCH}`, true, 'server', 'node-import'],
  ['webpack.config.js', FETCH, true, 'server', 'build-config'],
  // the repository decides only when the file says nothing
  ['src/hubspot.js', FETCH, true, 'browser', 'browser-app'],
  ['src/hubspot.js', FETCH, false, 'server', 'default'],
];

describe('fileRuntime: where a file runs', () => {
  it.each(ROWS)('%s (%#) → %s', (p, text, browserApp, runtime, why) => {
    const language = p.endsWith('.vue') ? 'vue' : p.endsWith('.svelte') ? 'svelte' : 'js';
    expect(fileRuntime({ path: p, text, language, browserApp })).toEqual({ runtime, why });
  });

  it('a file that server code imports is server code', () => {
    const f = { path: 'src/source/fetch-contacts.ts', text: FETCH, language: 'ts', browserApp: true };
    expect(fileRuntime(f).runtime).toBe('browser');
    expect(fileRuntime({ ...f, serverModules: new Set(['src/source/fetch-contacts.ts']) })).toEqual({ runtime: 'server', why: 'imported-by-server' });
  });

  it('asks for the server-module graph only of a file that would otherwise be browser code', () => {
    const asked: string[] = [];
    const graph = { has: (p: string) => { asked.push(p); return true; } };
    // server by its own content or by the repository: the graph is not needed (building it reads files)
    expect(fileRuntime({ path: 'src/a.js', text: FETCH, language: 'js', browserApp: false, serverModules: graph }).runtime).toBe('server');
    expect(fileRuntime({ path: 'src/b.js', text: "const fs = require('fs');\n" + FETCH, language: 'js', browserApp: true, serverModules: graph }).runtime).toBe('server');
    expect(asked).toEqual([]);
    expect(fileRuntime({ path: 'src/c.js', text: FETCH, language: 'js', browserApp: true, serverModules: graph })).toEqual({ runtime: 'server', why: 'imported-by-server' });
    expect(asked).toEqual(['src/c.js']);
  });
});

describe('browserAt: server-only functions inside a browser file', () => {
  const at = (p: string, text: string, needle: string): boolean => {
    const sf = parse(p, text, 'tsx');
    return browserAt(sf, { path: p, text, language: 'tsx', browserApp: true })(text.indexOf(needle));
  };
  const page = `${COMPONENT}export async function getServerSideProps() {\n  const r = await fetch('https://api.hubapi.com/x?hapikey=' + process.env.K);\n  return { props: {} };\n}\nconst click = () => fetch('https://api.hubapi.com/y?hapikey=' + k);\n`;
  it('getServerSideProps runs on the server; the component beside it in the browser', () => {
    expect(at('pages/contacts.tsx', page, '/x?hapikey')).toBe(false);
    expect(at('pages/contacts.tsx', page, '/y?hapikey')).toBe(true);
  });
  it('getStaticProps as an exported const; Gatsby getServerData', () => {
    const t = `${COMPONENT}export const getStaticProps = async () => fetch('https://api.hubapi.com/x?hapikey=' + k);\nexport async function getServerData() { return fetch('https://api.hubapi.com/z?hapikey=' + k); }\n`;
    expect(at('pages/a.tsx', t, '/x?hapikey')).toBe(false);
    expect(at('src/pages/a.tsx', t, '/z?hapikey')).toBe(false);
  });
  it('a React Router loader (no Remix) runs in the browser; a Remix loader on the server', () => {
    const t = `${COMPONENT}export async function loader() { return fetch('https://api.hubapi.com/x?hapikey=' + k); }\n`;
    expect(at('src/routes/a.tsx', t, '/x?hapikey')).toBe(true);
    expect(at('app/routes/a.tsx', `import { json } from '@remix-run/node';\n${t}`, '/x?hapikey')).toBe(false);
  });
});

describe('a Gatsby site (React, no server framework): server code is not browser code', () => {
  it('a source plugin in TypeScript under src/, a module gatsby-node imports, a Gatsby Function: rewritten; a component: browser code', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'mh-gatsby-'));
    writeTree(root, {
      'package.json': JSON.stringify({ name: 'site', dependencies: { gatsby: '^5.0.0', react: '^18.0.0' } }),
      'gatsby-node.ts': "export { createPages } from './src/node/pages';\n",
      'src/node/pages.ts': "import { fetchOwners } from '../lib/owners';\nexport const createPages = async () => { await fetchOwners(); };\n",
      'src/lib/owners.ts': "export async function fetchOwners() {\n  const r = await fetch(`https://api.hubapi.com/crm/v3/owners?hapikey=${process.env.HUBSPOT_KEY}`);\n  return r.json();\n}\n",
      'src/source/hubspot.ts': "export const sourceNodes = async () => {\n  const r = await fetch(`https://api.hubapi.com/crm/v3/objects/contacts?hapikey=${process.env.HUBSPOT_KEY}`);\n  return r.json();\n};\n",
      'src/api/subscribe.ts': "export default async function handler(req, res) {\n  await fetch(`https://api.hubapi.com/crm/v3/objects/contacts?hapikey=${process.env.HUBSPOT_KEY}`, { method: 'POST' });\n}\n",
      'src/components/Signup.tsx': "import React from 'react';\nexport function Signup() {\n  const send = () => fetch(`https://api.hubapi.com/crm/v3/objects/contacts?hapikey=${process.env.GATSBY_HUBSPOT_KEY}`, { method: 'POST' });\n  return <button onClick={send} />;\n}\n",
    });
    const { report } = await run({ root, mode: 'dry-run', include: [], exclude: [], gitignore: false, outDir: path.join(root, 'out'), tokenEnv: 'HUBSPOT_ACCESS_TOKEN', allowDirty: true, rewriteBrowser: false });
    expect(report.sites.map((s) => `${s.file} ${s.status} ${s.reason}`)).toEqual([
      'src/api/subscribe.ts auto ',
      'src/components/Signup.tsx manual browser-code',
      'src/lib/owners.ts auto ',
      'src/source/hubspot.ts auto ',
    ]);
  });
});

describe("the 'use client' directive check reads leading comments in linear time", () => {
  // a webpack bundle opens with many `/******/` comments and line comments: a pattern that lets one block comment
  // run on to a later `*/` tries every way of splitting them (seconds at a few dozen lines, minutes on a real bundle)
  const bundle = (n: number) => {
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`/******/ \tvar m${i} = {};`, '/******/', `/******/ \t// part ${i}`);
    return lines.join('\n') + '\n';
  };
  it('a bundle with comment-only lines is decided at once and is not a client module', () => {
    const started = Date.now();
    expect(fileRuntime({ path: 'public/js/app.js', text: bundle(14), language: 'js', browserApp: false })).toEqual({ runtime: 'server', why: 'default' });
    expect(Date.now() - started).toBeLessThan(1000);
  });
  it('the directive after block and line comments still counts; one inside a comment does not', () => {
    expect(fileRuntime({ path: 'app/a/Form.tsx', text: `/* header */\n// note\n/** doc */ 'use client';\n${COMPONENT}`, language: 'tsx', browserApp: false })).toEqual({ runtime: 'browser', why: 'use-client' });
    expect(fileRuntime({ path: 'app/api/x/route.ts', text: `/* 'use client' */\nexport async function GET() {}\n`, language: 'ts', browserApp: false }).runtime).toBe('server');
    expect(fileRuntime({ path: 'app/a/Form.tsx', text: `/* never closed 'use client'`, language: 'tsx', browserApp: false }).why).not.toBe('use-client');
  });
});
