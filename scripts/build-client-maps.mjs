#!/usr/bin/env node
// Derives, from the published code of the HubSpot Node client libraries, which HTTP endpoint each
// library method calls, and writes src/scopes/client-maps.json. The libraries are fetched with
// `npm pack` into a folder (our node_modules is not touched), parsed with TypeScript; only the derived
// facts (method chain → method + path, with the versions that have them) are written.
//
// Usage: node scripts/build-client-maps.mjs [out.json] [--packs <dir>]   (also writes client-args.json beside out.json)
//   --packs <dir>  keep the unpacked packages in <dir> (`<package>-<version>/package`) and reuse the
//                  ones already there (a rerun then needs no network). Default: a temporary folder,
//                  deleted at the end.
//
// Extractors (scripts/client-maps/):
//   api-client.mjs   @hubspot/api-client. 6.x+: discovery classes (lib/src/discovery, `.d.ts` wiring) and
//                    generated request factories (`localVarPath` + `makeRequestContext(path, HttpMethod.X)`).
//                    3.x–5.x: one Client whose constructor assigns object literals of API instances
//                    (`this.crm = { contacts: { basicApi: this._contactsBasicApi } }`) and request-based
//                    generated classes (`localVarPath = this.basePath + '/crm/v3/…'`, `method: 'GET'`).
//   hubspot-npm.mjs  hubspot (MadKudu): lib/*.js `this.client.apiRequest({ method, path })` (2.x) /
//                    `_request` (1.x); wiring from `client.contacts = new Contact(client)`.
//   hubspot-api.mjs  hubspot-api: dist/bundle.min.js (rollup): `constants.api.<group>.<name>` URLs,
//                    `createRequest(url, { method }, …)` calls, per-group factories, client getters.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveApiClient } from './client-maps/api-client.mjs';
import { deriveHubspotApi } from './client-maps/hubspot-api.mjs';
import { deriveHubspotNpm } from './client-maps/hubspot-npm.mjs';
import { mergeArgs, serialiseArgs } from './client-maps/args.mjs';
import { merge, serialise } from './client-maps/merge.mjs';

const here = dirname(fileURLToPath(import.meta.url));

export const LIBRARIES = [
  {
    id: 'hubspot-api-client',
    package: '@hubspot/api-client',
    // The last patch of every minor line from 3.0 to 9.0 (9.0.0: the last release whose generated
    // clients still took `apiKey`; 3.0.1 the first published 3.x), plus 13.5.0 (latest 13.x) and
    // 14.0.1 (latest). There is no 3.3, 6.1, 8.7 line.
    versions: [
      '3.0.1', '3.1.0', '3.2.6', '3.4.1', '4.0.0', '4.1.0', '5.0.0', '6.0.1', '7.0.1', '7.1.2', '7.2.0',
      '8.0.0', '8.1.0', '8.2.0', '8.3.2', '8.4.2', '8.5.0', '8.6.0', '8.8.1', '8.9.0', '9.0.0', '13.5.0', '14.0.1',
    ],
    derive: deriveApiClient,
  },
  {
    id: 'hubspot',
    package: 'hubspot',
    // The last patch of every minor line of 1.x and 2.x (there is no 2.2 line; 2.3.14 is the latest).
    versions: ['1.0.2', '1.1.0', '1.2.0', '1.3.4', '2.0.0', '2.1.3', '2.3.14'],
    derive: deriveHubspotNpm,
  },
  {
    id: 'hubspot-api',
    package: 'hubspot-api',
    // latest (2.17.3) was published without dist/bundle.min.js; 2.17.2-beta.2 is the newest with code,
    // 2.15.3 the newest non-beta.
    versions: ['2.15.3', '2.17.2-beta.2'],
    derive: deriveHubspotApi,
  },
];

function main() {
  const args = process.argv.slice(2);
  const packsAt = args.indexOf('--packs');
  const packs = packsAt >= 0 ? resolve(args[packsAt + 1]) : null;
  const out = args.find((a, i) => !a.startsWith('--') && i !== packsAt + 1) ?? resolve(here, '../src/scopes/client-maps.json');
  const work = packs ?? mkdtempSync(join(tmpdir(), 'hs-client-maps-'));
  const result = { libraries: {} };
  const argsResult = { libraries: {} };
  try {
    for (const lib of LIBRARIES) {
      const perVersion = [];
      for (const version of lib.versions) {
        const root = unpack(work, lib.package, version);
        const notDerived = [];
        const found = lib.derive(root, (what) => notDerived.push(what));
        perVersion.push({ version, chains: found.chains, dynamic: found.dynamic, notDerived, args: found.args });
        console.log(`${lib.package}@${version}: ${Object.keys(found.chains).length} chains, ${notDerived.length} not derived`);
      }
      result.libraries[lib.id] = merge(lib, perVersion);
      const args = mergeArgs(perVersion);
      if (Object.keys(args.chains).length || args.conflicts.length) argsResult.libraries[lib.id] = args;
    }
  } finally {
    if (!packs) rmSync(work, { recursive: true, force: true });
  }
  const text = serialise(result);
  writeFileSync(out, text);
  console.log(`wrote ${out} (${text.length} bytes)`);
  const argsOut = join(dirname(out), 'client-args.json');
  const argsText = serialiseArgs(argsResult);
  writeFileSync(argsOut, argsText);
  console.log(`wrote ${argsOut} (${argsText.length} bytes)`);
}

function unpack(work, pkg, version) {
  const dir = join(work, `${pkg.replace(/[@/]/g, '_')}-${version}`);
  const root = join(dir, 'package');
  if (existsSync(join(root, 'package.json'))) return root;
  mkdirSync(dir, { recursive: true });
  execFileSync('npm', ['pack', `${pkg}@${version}`, '--silent', '--pack-destination', dir], { encoding: 'utf8' });
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir]);
  rmSync(join(dir, tgz));
  return root;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
