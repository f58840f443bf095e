// Places in JS/TS code a person must update together with the rewrite, though no request is made there: where the
// key's variable is read from the environment, options and schemas that declare the key, a Zapier app's
// authentication asking its users for an API key, and tests that set one. Each is listed with what to do.
import type { Category, Status } from '../model/site.js';
import { ts, propName, unwrap, walk } from './ast.js';

export interface UpdatePlace {
  pos: number;
  status: Status;
  reason: 'env-read' | 'key-option-schema' | 'key-config-option' | 'zapier-api-key-field' | 'test-sets-key' | 'test-key-option';
  category: Category;
}

/** Environment names of the key (`HUBSPOT_KEY`, `HUBSPOT_API_KEY`, `HAPIKEY`, `HS_API_KEY`). */
const ENV_NAME = /^(?=[A-Z0-9_]+$)(?=.*KEY)(?=.*(HUBSPOT|HUBAPI|HAPI_?KEY|(^|_)HS_)).*/;
/** Option names that say "the HubSpot key": `hubspotApiKey`, `hubSpotKey`, `hapikey`, `hubspot_api_key`. */
const OPTION_NAME = /^(hubspot_?(api_?)?key|hapi_?key)$/i;
/** Of those, the ones a config object sets (`hapikey:` in an object is a query parameter: the scan's own hit). */
const CONFIG_OPTION = /^hubspot_?(api_?)?key$/i;
/** Field keys a Zapier app asks for when it means the API key. */
const ZAPIER_KEY_FIELD = /^(api_?key|hapi_?key|hubspot_?(api_?)?key)$/i;
/** An environment variable of the key under any spelling: `hubspot_key`, `HubSpotApiKey`, `HAPIKEY`. */
const ENV_READ_NAME = /^(hubspot_?(api_?)?key|hapi_?key|hs_?api_?key)$/i;
const SCHEMA_CALL = /^(Joi|joi|yup|z|Yup|t|PropTypes|Type|S)\./;

/** A `fields: [{ key: 'apiKey', … }]` entry inside an object that looks like a Zapier `authentication`. */
function zapierField(obj: ts.ObjectLiteralExpression, sf: ts.SourceFile, hubspotFile: boolean): ts.Node | null {
  const key = obj.properties.find((p) => ts.isPropertyAssignment(p) && propName(p.name) === 'key') as ts.PropertyAssignment | undefined;
  if (!key) return null;
  const value = unwrap(key.initializer);
  if (!ts.isStringLiteral(value) || !ZAPIER_KEY_FIELD.test(value.text)) return null;
  // fields: [ … this object … ] in an object with type: 'custom' / 'api_key', or named authentication
  const arr = obj.parent;
  if (!ts.isArrayLiteralExpression(arr) || !ts.isPropertyAssignment(arr.parent) || propName(arr.parent.name) !== 'fields') return null;
  const auth = arr.parent.parent;
  if (!ts.isObjectLiteralExpression(auth)) return null;
  const type = auth.properties.find((p) => ts.isPropertyAssignment(p) && propName(p.name) === 'type') as ts.PropertyAssignment | undefined;
  const typeText = type ? unwrap(type.initializer).getText(sf) : '';
  const named = /authentication/i.test(auth.parent.getText(sf).slice(0, 200)) || /authentication/i.test(sf.fileName);
  if (!/['"](custom|api_key)['"]/.test(typeText) && !named) return null;
  return hubspotFile || /hubspot/i.test(obj.getText(sf)) ? value : null;
}

/** Properties that make an object a parameter's description (a settings form, an action's params list). */
const DESCRIPTOR = new Set(['label', 'description', 'type', 'required', 'sensitive', 'default', 'placeholder', 'help', 'secret']);

/** `{ name: 'hubspot_api_key', label: 'HubSpot API Key', required: true }`: a user-facing parameter that holds the key. */
function declaredParameter(obj: ts.ObjectLiteralExpression): ts.StringLiteral | null {
  let value: ts.StringLiteral | null = null;
  let described = false;
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const name = propName(p.name);
    const v = unwrap(p.initializer);
    if ((name === 'name' || name === 'key' || name === 'id') && ts.isStringLiteral(v) && OPTION_NAME.test(v.text)) value = v;
    else if (name && DESCRIPTOR.has(name)) described = true;
  }
  return value && described ? value : null;
}

/** What a file must contain for each kind of place (one text search per file decides which node checks run). */
const MAY_READ_ENV = /\b(process|import\.meta)\.env\b/;
const MAY_NAME_OPTION = /hubspot_?(api_?)?key|hapi_?key/i;
const MAY_QUOTE_KEY_FIELD = /['"`](api_?key|hapi_?key|hubspot_?(api_?)?key)['"`]/i;

/** Test files: under test/, tests/, __tests__/, spec/, or named *.test.* / *.spec.*. */
const TEST_PATH = /(^|\/)(test|tests|__tests__|spec)\/|\.(test|spec)\.[cm]?[jt]sx?$/;

export function findUpdatePlaces(sf: ts.SourceFile, hubspotFile: boolean, path = ''): UpdatePlace[] {
  const out: UpdatePlace[] = [];
  const text = sf.text;
  const env = MAY_READ_ENV.test(text);
  const option = MAY_NAME_OPTION.test(text);
  const field = MAY_QUOTE_KEY_FIELD.test(text);
  const authData = text.includes('authData');
  const testKey = hubspotFile && TEST_PATH.test(path) && /\bapiKey\b/.test(text);
  if (!env && !option && !field && !authData && !testKey) return out;
  walk(sf, (n) => {
    switch (n.kind) {
      case ts.SyntaxKind.VariableDeclaration: if (env) envDestructuring(n as ts.VariableDeclaration, sf, out); break;
      case ts.SyntaxKind.PropertyAccessExpression: if (env) envRead(n as ts.PropertyAccessExpression, sf, out); break;
      case ts.SyntaxKind.PropertySignature:
      case ts.SyntaxKind.PropertyDeclaration: if (option) typedOption(n as ts.PropertySignature | ts.PropertyDeclaration, sf, out); break;
      case ts.SyntaxKind.PropertyAssignment:
        if (option) configOption(n as ts.PropertyAssignment, sf, out);
        if (authData) testAuthData(n as ts.PropertyAssignment, sf, out);
        if (testKey) testKeyOption(n as ts.PropertyAssignment, sf, out);
        break;
      case ts.SyntaxKind.ObjectLiteralExpression: if (field) keyField(n as ts.ObjectLiteralExpression, sf, hubspotFile, out); break;
    }
  });
  return out;
}

/** const { HUBSPOT_KEY } = process.env  /  const { HUBSPOT_API_KEY: key } = process.env */
function envDestructuring(n: ts.VariableDeclaration, sf: ts.SourceFile, out: UpdatePlace[]): void {
  if (!n.initializer || !ts.isObjectBindingPattern(n.name) || !/^process\.env$|^import\.meta\.env$/.test(unwrap(n.initializer).getText(sf))) return;
  for (const el of n.name.elements) {
    const name = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : '';
    if (ENV_NAME.test(name)) out.push({ pos: (el.propertyName ?? el.name).getStart(sf), status: 'ignored', reason: 'env-read', category: 'P30_CONFIG_DECL' });
  }
}

/** process.env.hubspot_key: an env read under any spelling (the scan's own hits take the upper-case ones) */
function envRead(n: ts.PropertyAccessExpression, sf: ts.SourceFile, out: UpdatePlace[]): void {
  if (ENV_READ_NAME.test(n.name.text) && /^(process\.env|import\.meta\.env)$/.test(unwrap(n.expression).getText(sf))) {
    out.push({ pos: n.name.getStart(sf), status: 'ignored', reason: 'env-read', category: 'P30_CONFIG_DECL' });
  }
}

/** hubspotApiKey: Joi.string() / hubspotApiKey: string / hubspotApiKey?: string */
function typedOption(n: ts.PropertySignature | ts.PropertyDeclaration, sf: ts.SourceFile, out: UpdatePlace[]): void {
  if (n.name && OPTION_NAME.test(propName(n.name) ?? '')) {
    out.push({ pos: n.name.getStart(sf), status: 'ignored', reason: 'key-option-schema', category: 'P30_CONFIG_DECL' });
  }
}

/** hubspotApiKey: config.hubspot (a string literal value is a key literal or a placeholder: the scan's own hits report those) */
function configOption(n: ts.PropertyAssignment, sf: ts.SourceFile, out: UpdatePlace[]): void {
  if (!CONFIG_OPTION.test(propName(n.name) ?? '')) return;
  const v = unwrap(n.initializer);
  const schema = ts.isCallExpression(v) && SCHEMA_CALL.test(v.getText(sf));
  if (!ts.isStringLiteral(v)) {
    out.push({ pos: n.name.getStart(sf), status: 'ignored', reason: schema ? 'key-option-schema' : 'key-config-option', category: 'P30_CONFIG_DECL' });
  }
}

/** A Zapier authentication field asking for the key, or a parameter descriptor naming it. */
function keyField(n: ts.ObjectLiteralExpression, sf: ts.SourceFile, hubspotFile: boolean, out: UpdatePlace[]): void {
  const field = zapierField(n, sf, hubspotFile);
  if (field) {
    out.push({ pos: field.getStart(sf) + 1, status: 'manual', reason: 'zapier-api-key-field', category: 'P30_CONFIG_DECL' });
    return;
  }
  const param = declaredParameter(n);
  if (param) out.push({ pos: param.getStart(sf) + 1, status: 'ignored', reason: 'key-option-schema', category: 'P30_CONFIG_DECL' });
}

/**
 * `{ apiKey: 'k-123' }` in a test of HubSpot code (not a client's own options): an expected constructor argument or
 * a fake credential, which stops matching once the code passes accessToken (P32).
 */
function testKeyOption(n: ts.PropertyAssignment, sf: ts.SourceFile, out: UpdatePlace[]): void {
  if (propName(n.name) !== 'apiKey' || !ts.isStringLiteral(unwrap(n.initializer))) return;
  if (!ts.isObjectLiteralExpression(n.parent) || ts.isNewExpression(n.parent.parent)) return;
  out.push({ pos: n.name.getStart(sf), status: 'manual', reason: 'test-key-option', category: 'P32_TEST_FIXTURE' });
}

/** authData: { apiKey: 'demo' } in a test: the fixture sets the key the app no longer takes */
function testAuthData(n: ts.PropertyAssignment, sf: ts.SourceFile, out: UpdatePlace[]): void {
  if (propName(n.name) !== 'authData' || !ts.isObjectLiteralExpression(unwrap(n.initializer))) return;
  for (const p of (unwrap(n.initializer) as ts.ObjectLiteralExpression).properties) {
    if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && ZAPIER_KEY_FIELD.test(propName(p.name) ?? '')) {
      out.push({ pos: p.name.getStart(sf), status: 'ignored', reason: 'test-sets-key', category: 'P32_TEST_FIXTURE' });
    }
  }
}
