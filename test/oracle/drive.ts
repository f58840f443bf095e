// Drive a loaded module: its top level has run; now call every exported function and class method with dummy
// arguments, send a request through every exported client instance and registered Zapier middleware, and await it all.
import { dummy, isDummy } from './dummy.js';
import { paramNames } from './params.js';
import type { Loaded } from './sandbox.js';
import { zapierStub, ZAPIER_PROBE } from './stubs/zapier.js';
import type { Recorder } from './record.js';

const ASYNC_MS = 3000;

function isClass(fn: Function): boolean {
  return /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

async function settle(v: unknown, rec: Recorder, what: string): Promise<unknown> {
  if (!v || (typeof v !== 'object' && typeof v !== 'function') || typeof (v as { then?: unknown }).then !== 'function') return v;
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise((resolve) => { timer = setTimeout(() => resolve(rec.errors.push(`${what}: did not settle`)), ASYNC_MS); });
  try {
    return await Promise.race([v as Promise<unknown>, bound]);
  } catch (e) {
    rec.errors.push(`${what}: ${(e as Error)?.message ?? String(e)}`);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

export async function drive(mod: Loaded, rec: Recorder): Promise<void> {
  const bundle = dummy('bundle');
  const middleware = () => {
    const br = mod.module.exports?.beforeRequest;
    return Array.isArray(br) ? br.filter((f) => typeof f === 'function') : [];
  };
  const z = zapierStub(rec, middleware, bundle);
  const argsFor = (fn: Function, label: string) => {
    const names = paramNames(fn);
    const n = Math.max(names.length, fn.length);
    return Array.from({ length: n }, (_, i) => {
      const p = names[i] ?? `arg${i}`;
      if (p === 'z') return z;
      if (p === 'bundle') return bundle;
      return dummy(`${label}.${p}`);
    });
  };
  const invoke = async (fn: Function, label: string, self?: unknown) => {
    try {
      const args = argsFor(fn, label);
      const v = self === undefined ? mod.call(fn, args) : mod.call(fn.bind(self), args);
      await driveValue(await settle(v, rec, label), `${label}()`, 1);
    } catch (e) {
      rec.errors.push(`${label}: ${(e as Error)?.message ?? String(e)}`);
    }
  };
  const seen = new Set<unknown>();
  const driveValue = async (v: any, label: string, depth: number): Promise<void> => {
    if (v === null || v === undefined || seen.has(v) || depth > 3 || isDummy(v)) return;
    if (typeof v !== 'object' && typeof v !== 'function') return;
    seen.add(v);
    const client = (() => { try { return v.__oracleClient; } catch { return undefined; } })();
    if (typeof client === 'string') return probeClient(v, client, label);
    if (typeof v === 'function') {
      if (isClass(v)) {
        try {
          const inst = mod.call(v, argsFor(v, label), true) as Record<string, unknown>;
          for (const m of Object.getOwnPropertyNames(v.prototype)) {
            if (m !== 'constructor' && typeof v.prototype[m] === 'function') await invoke(v.prototype[m], `${label}#${m}`, inst);
          }
        } catch (e) {
          rec.errors.push(`${label}: ${(e as Error)?.message ?? String(e)}`);
        }
      } else if (depth <= 2) await invoke(v, label);
      return;
    }
    if (Array.isArray(v)) return;
    for (const k of Object.keys(v)) {
      if (k === 'beforeRequest' || k === 'afterResponse' || k === '__esModule') continue;
      await driveValue(v[k], `${label}.${k}`, depth + 1);
    }
  };
  const probeClient = async (c: any, kind: string, label: string) => {
    try {
      const v = kind === 'axios' || kind === 'got' || kind.startsWith('request')
        ? c.get(kind === 'axios' && c.defaults?.baseURL ? '/crm/v3/objects/contacts' : 'https://api.hubapi.com/crm/v3/objects/contacts')
        : c.crm.contacts.basicApi.getPage();
      await settle(v, rec, label);
    } catch (e) {
      rec.errors.push(`${label}: ${(e as Error)?.message ?? String(e)}`);
    }
  };
  await driveValue(mod.module.exports, 'exports', 0);
  for (const [n, f] of Object.entries(mod.locals)) await driveValue(f, n, 1);
  if (middleware().length) await settle(z.request({ ...ZAPIER_PROBE }), rec, 'zapier-probe');
  // let deferred timers and callbacks run
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}
