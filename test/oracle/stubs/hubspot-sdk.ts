// SDKs that take the credential themselves: @hubspot/api-client, hubspot, hubspot-api.
// Each call through the client (client.crm.contacts.basicApi.getPage(…)) is recorded with the credential held then.
import { dummy } from '../dummy.js';
import type { Credential, Recorder } from '../record.js';
import { str } from '../record.js';

const KEY_OPTIONS: [string, Credential['kind']][] = [
  ['accessToken', 'accessToken'], ['apiKey', 'apiKey'], ['hapikey', 'apiKey'], ['hapiKey', 'apiKey'], ['developerApiKey', 'developerApiKey'],
];

function credentialOf(config: Record<string, unknown> | undefined): Credential {
  for (const [opt, kind] of KEY_OPTIONS) {
    if (config && config[opt] !== undefined && config[opt] !== null) return { kind, value: str(config[opt]) };
  }
  return { kind: 'none', value: '' };
}

function clientClass(rec: Recorder, pkg: string): any {
  return class Client {
    credential: Credential;
    constructor(config?: Record<string, unknown>) {
      this.credential = credentialOf(config);
      const self = this;
      const chain = (path: string[]): any => new Proxy(function () { /* call */ }, {
        get(_t, p) {
          if (typeof p === 'symbol' || p === 'then') return undefined;
          return chain([...path, p]);
        },
        apply(_t, _this, args) {
          rec.add({ client: pkg, method: 'SDK', url: `sdk:${pkg}:${path.join('.')}`, headers: {}, credential: { ...self.credential },
            ...(args.length ? { body: args.map((a) => str(a)).join(',') } : {}) });
          return Promise.resolve(dummy('result'));
        },
      });
      return new Proxy(this, {
        get(target: any, p) {
          if (typeof p === 'symbol' || p in target) return target[p];
          if (p === 'then') return undefined;
          return chain([p]);
        },
      });
    }
    setApiKey(k: unknown) { this.credential = { kind: 'apiKey', value: str(k) }; }
    setAccessToken(t: unknown) { this.credential = { kind: 'accessToken', value: str(t) }; }
    setDeveloperApiKey(k: unknown) { this.credential = { kind: 'developerApiKey', value: str(k) }; }
    get __oracleClient() { return pkg; }
  };
}

/** `@hubspot/api-client`: `{ Client }`. */
export function apiClientStub(rec: Recorder): any {
  const Client = clientClass(rec, '@hubspot/api-client');
  return { Client, default: { Client } };
}

/** `hubspot` and `hubspot-api`: the module is the class. */
export function hubspotClassStub(rec: Recorder, pkg: string): any {
  const C = clientClass(rec, pkg);
  (C as any).default = C;
  return C;
}
