// axios: the default export, verbs, the config form, axios.create instances (defaults, interceptors), axios.defaults.
import { dummy } from '../dummy.js';
import { headersOf, joinBase, str, withQuery, type Recorder } from '../record.js';

type Config = Record<string, any>;
const WITH_DATA = new Set(['post', 'put', 'patch']);
const VERBS = ['get', 'delete', 'head', 'options', 'post', 'put', 'patch'];

function mergeDeep(a: any, b: any): any {
  if (b === undefined) return a;
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)
    && Object.getPrototypeOf(b) !== URLSearchParams.prototype) {
    const out: Config = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = mergeDeep(a[k], v);
    return out;
  }
  return b;
}

function flatHeaders(defaults: Config, method: string): Config {
  const h = defaults.headers ?? {};
  const flat: Config = {};
  for (const [k, v] of Object.entries(h)) if (!['common', ...VERBS].includes(k)) flat[k] = v;
  return { ...(h.common ?? {}), ...(h[method] ?? {}), ...flat };
}

export function axiosStub(rec: Recorder): any {
  function makeInstance(defaults: Config): any {
    const interceptors: ((c: Config) => any)[] = [];
    async function request(config: Config): Promise<unknown> {
      const method = str(config.method ?? defaults.method ?? 'get').toLowerCase();
      let cfg: Config = {
        ...mergeDeep(defaults, config),
        method,
        headers: { ...headersOf(flatHeaders(defaults, method)), ...headersOf(config.headers) },
      };
      for (const fn of interceptors) cfg = (await fn(cfg)) ?? cfg;
      const url = withQuery(joinBase(cfg.baseURL, cfg.url), cfg.params);
      rec.add({
        client: 'axios',
        method: str(cfg.method).toUpperCase(),
        url,
        headers: headersOf(cfg.headers),
        ...(cfg.data !== undefined ? { body: JSON.stringify(cfg.data) ?? str(cfg.data) } : {}),
      });
      return { data: dummy('data'), status: 200, headers: {}, config: cfg };
    }
    const inst: any = function axios(a: unknown, b?: Config) {
      return typeof a === 'string' || a instanceof URL ? request({ ...(b ?? {}), url: a }) : request(a as Config);
    };
    inst.request = (c: Config) => request(c);
    for (const v of VERBS) {
      inst[v] = WITH_DATA.has(v)
        ? (url: unknown, data?: unknown, c: Config = {}) => request({ ...c, url, method: v, data })
        : (url: unknown, c: Config = {}) => request({ ...c, url, method: v });
    }
    inst.defaults = defaults;
    inst.interceptors = {
      request: { use: (fn: (c: Config) => any) => interceptors.push(fn) - 1, eject: () => undefined },
      response: { use: () => 0, eject: () => undefined },
    };
    inst.__oracleClient = 'axios';
    return inst;
  }
  const axios = makeInstance({ headers: { common: {} } });
  axios.create = (c: Config = {}) => makeInstance(mergeDeep(axios.defaults, c));
  axios.default = axios;
  axios.isAxiosError = () => false;
  return axios;
}
