// Endpoint lifecycle: removed, going unsupported (with the date-based replacement HubSpot gives), or
// supported (date-based paths). Hand-written facts from hubspot-2026.md §0 items 3–4 and the §3.2
// mapping table; the replacement is looked up per row, never derived by a generic substitution
// (the date segment's position differs per API). First matching row wins.
import type { HttpMethod, Lifecycle } from '../model/site.js';
import { normalisePath } from './normalise.js';
import { canonicalObjectType } from './object-types.js';

/** Today's date (UTC), `YYYY-MM-DD`. */
function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

interface Row {
  re: RegExp;
  methods?: HttpMethod[];
  /** `YYYY-MM-DD`, or `YYYY-MM` when HubSpot gives only the month. */
  date: string;
  /** The date-based replacement path (`{}` for ids), built from the row's captures; null when HubSpot gives none. */
  to: ((m: RegExpMatchArray) => string) | null;
  note?: string;
}

const V1_V3 = '2027-09'; // v1–v3 APIs unsupported "September 2027", no day published (HS-cl legacy-apis-and-legacy-apps-whats-going-unsupported-and-when)
const V4 = '2027-03-30'; // v4 APIs unsupported (HS-cl deprecating-support-for-hubspot-v4-apis)
const rest = (s: string | undefined) => s ?? '';
const type = (s: string) => canonicalObjectType(s) ?? s;

const ROWS: Row[] = [
  // Contact Lists v1: 404 since 2026-04-30 except three read endpoints that survive without memberships
  // (hubspot-2026.md §3.2 row "Contact Lists v1"; HS-cl extension-contact-lists-api-v1-sunset-moved-to-april-30-2026)
  { re: /^\/contacts\/v1\/lists\/(all\/contacts\/(all|recent)|recently_updated\/contacts\/recent)$/, date: V1_V3, to: () => '/crm/objects/2026-09/contacts', note: 'survived the 2026-04-30 Contact Lists v1 sunset, but no longer returns list memberships' },
  { re: /^\/contacts\/v1\/lists\/([^/]+)\/contacts\/(all|recent)$/, date: '2026-04-30', to: (m) => `/crm/lists/2026-09/${m[1]}/memberships`, note: 'Contact Lists v1 removed (404)' },
  { re: /^\/contacts\/v1\/lists\/([^/]+)\/add$/, date: '2026-04-30', to: (m) => `/crm/lists/2026-09/${m[1]}/memberships/add`, note: 'Contact Lists v1 removed (404); ids differ: map them with /crm/lists/2026-09/idmapping' },
  { re: /^\/contacts\/v1\/lists\/([^/]+)\/remove$/, date: '2026-04-30', to: (m) => `/crm/lists/2026-09/${m[1]}/memberships/remove`, note: 'Contact Lists v1 removed (404); ids differ: map them with /crm/lists/2026-09/idmapping' },
  { re: /^\/contacts\/v1\/lists(\/([^/]+))?$/, date: '2026-04-30', to: (m) => (m[2] && !['static', 'dynamic'].includes(m[2]) ? `/crm/lists/2026-09/${m[2]}` : '/crm/lists/2026-09'), note: 'Contact Lists v1 removed (404)' },
  { re: /^\/contacts\/v1\/lists\//, date: '2026-04-30', to: () => '/crm/lists/2026-09', note: 'Contact Lists v1 removed (404)' },
  // Contacts v1 (§3.2 row "Contacts v1"): unsupported Sept 2027; reads lost list memberships on 2026-04-30
  { re: /^\/contacts\/v1\/contact\/vid\/([^/]+)\/profile$/, date: V1_V3, to: (m) => `/crm/objects/2026-09/contacts/${m[1]}`, note: 'update with PATCH' },
  { re: /^\/contacts\/v1\/contact\/vid\/([^/]+)$/, date: V1_V3, to: (m) => `/crm/objects/2026-09/contacts/${m[1]}` },
  { re: /^\/contacts\/v1\/contact\/email\/([^/]+)\/profile$/, date: V1_V3, to: (m) => `/crm/objects/2026-09/contacts/${m[1]}?idProperty=email` },
  { re: /^\/contacts\/v1\/contact\/createOrUpdate\/email\/[^/]+$/, date: V1_V3, to: () => '/crm/objects/2026-09/contacts/batch/upsert', note: 'upsert by email: idProperty "email"' },
  { re: /^\/contacts\/v1\/contact\/batch$/, date: V1_V3, to: () => '/crm/objects/2026-09/contacts/batch/upsert' },
  { re: /^\/contacts\/v1\/contact\/(vids|emails)\/batch$/, date: V1_V3, to: () => '/crm/objects/2026-09/contacts/batch/read' },
  { re: /^\/contacts\/v1\/contact\/merge-vids\/[^/]+$/, date: V1_V3, to: () => '/crm/objects/2026-09/contacts/merge' },
  { re: /^\/contacts\/v1\/search\/query$/, date: V1_V3, to: () => '/crm/objects/2026-09/contacts/search' },
  { re: /^\/contacts\/v[12]\/(properties|groups)(\/named)?(\/[^/]+)?$/, date: V1_V3, to: (m) => `/crm/properties/2026-09/contacts${m[1] === 'groups' ? '/groups' : ''}${rest(m[3])}` },
  { re: /^\/contacts\/v1\//, date: V1_V3, to: () => '/crm/objects/2026-09/contacts', note: 'since 2026-04-30 v1 contact reads no longer return list memberships' },
  // Companies v2 (§3.2 row "Companies v2")
  { re: /^\/companies\/v2\/domains\/[^/]+\/companies$/, date: V1_V3, to: () => '/crm/objects/2026-09/companies/search', note: 'search by the domain property' },
  { re: /^\/companies\/v[12]\/companies\/([^/]+)$/, date: V1_V3, to: (m) => (['paged', 'recent'].includes(m[1]) ? '/crm/objects/2026-09/companies' : `/crm/objects/2026-09/companies/${m[1]}`) },
  { re: /^\/companies\/v[12]\//, date: V1_V3, to: () => '/crm/objects/2026-09/companies' },
  // Deals v1 (§3.2 row "Deals v1"); /deals/v1/pipelines: not known whether the Pipelines v1 sunset covers it
  { re: /^\/deals\/v1\/pipelines(\/.*)?$/, date: V1_V3, to: () => '/crm/pipelines/2026-09/deals', note: 'whether the 2026-12-04 Pipelines v1 sunset covers /deals/v1/pipelines is unverified' },
  { re: /^\/deals\/v1\/deal\/(paged|recent\/created|recent\/modified)$/, date: V1_V3, to: () => '/crm/objects/2026-09/deals' },
  { re: /^\/deals\/v1\/deal\/([^/]+)$/, date: V1_V3, to: (m) => `/crm/objects/2026-09/deals/${m[1]}` },
  { re: /^\/deals\/v1\/batch-async\/update$/, date: V1_V3, to: () => '/crm/objects/2026-09/deals/batch/update' },
  { re: /^\/deals\/v1\//, date: V1_V3, to: () => '/crm/objects/2026-09/deals' },
  // Engagements v1 (§3.2 row "Engagements v1")
  { re: /^\/engagements\/v1\//, date: V1_V3, to: () => '/crm/objects/2026-09/{}', note: 'one object type per engagement type: notes, calls, emails, meetings, tasks, communications, postal_mail' },
  // CRM associations (§3.2 row "CRM associations v1/v3/v4"): v4 unsupported 2027-03-30, v1–v3 Sept 2027
  { re: /^\/crm-associations\/v1\/associations\/create-batch$/, date: V1_V3, to: () => '/crm/associations/2026-09/{}/{}/batch/create' },
  { re: /^\/crm-associations\/v1\/associations\/delete(-batch)?$/, date: V1_V3, to: () => '/crm/associations/2026-09/{}/{}/batch/archive' },
  { re: /^\/crm-associations\/v1\/associations\/[^/]+\/HUBSPOT_DEFINED\/[^/]+$/, date: V1_V3, to: () => '/crm/objects/2026-09/{}/{}/associations/{}' },
  { re: /^\/crm-associations\/v1\/associations$/, date: V1_V3, to: () => '/crm/objects/2026-09/{}/{}/associations/default/{}/{}' },
  { re: /^\/crm-associations\/v1\//, date: V1_V3, to: () => '/crm/associations/2026-09/{}/{}/batch/create' },
  { re: /^\/crm\/v3\/associations\/([^/]+)\/([^/]+)\/batch\/(read|create|archive)$/, date: V1_V3, to: (m) => `/crm/associations/2026-09/${type(m[1])}/${type(m[2])}/batch/${m[3]}` },
  { re: /^\/crm\/v4\/associations\/(.+)$/, date: V4, to: (m) => `/crm/associations/2026-09/${m[1]}` },
  { re: /^\/crm\/v4\/objects\/([^/]+)\/([^/]+)\/associations\/(.+)$/, date: V4, to: (m) => `/crm/objects/2026-09/${type(m[1])}/${m[2]}/associations/${m[3]}` },
  { re: /^\/crm\/v3\/objects\/([^/]+)\/([^/]+)\/associations\/([^/]+)(\/[^/]+)?(\/[^/]+)?$/, date: V1_V3, to: (m) => `/crm/objects/2026-09/${type(m[1])}/${m[2]}/associations/${type(m[3])}${rest(m[4])}`, note: 'v4-style associations: labels go in the request body' },
  // Owners v2 (§3.2 row "Owners v2") and owners v3
  { re: /^\/owners\/v[12]\/owners\/([^/]+)$/, date: V1_V3, to: (m) => `/crm/owners/2026-09/${m[1]}` },
  { re: /^\/owners\/v[12]\/owners$/, date: V1_V3, to: () => '/crm/owners/2026-09' },
  { re: /^\/crm\/v3\/owners(\/.*)?$/, date: V1_V3, to: (m) => `/crm/owners/2026-09${rest(m[1])}` },
  // Properties v1/v2 (§3.2 row "Properties v1/v2")
  { re: /^\/properties\/v[12]\/([^/]+)\/properties\/named\/([^/]+)$/, date: V1_V3, to: (m) => `/crm/properties/2026-09/${type(m[1])}/${m[2]}` },
  { re: /^\/properties\/v[12]\/([^/]+)\/groups\/named\/([^/]+)$/, date: V1_V3, to: (m) => `/crm/properties/2026-09/${type(m[1])}/groups/${m[2]}` },
  { re: /^\/properties\/v[12]\/([^/]+)\/(properties|groups)(\/.*)?$/, date: V1_V3, to: (m) => `/crm/properties/2026-09/${type(m[1])}${m[2] === 'groups' ? '/groups' : ''}` },
  // Pipelines v1 stops 2026-12-04 (§0 item 4; HS-cl pipelines-api-v1-sunset)
  { re: /^\/crm-pipelines\/v1\/pipelines\/([^/]+)(\/.*)?$/, date: '2026-12-04', to: (m) => `/crm/pipelines/2026-09/${type(m[1])}${rest(m[2])}` },
  // CRM v3 objects / properties / pipelines / lists / schemas / imports / exports (§3.2 rows "CRM v3 …")
  { re: /^\/crm\/v3\/objects\/(.+)$/, date: V1_V3, to: (m) => `/crm/objects/2026-09/${m[1]}`, note: 'URL-only change' },
  { re: /^\/crm\/v3\/properties\/(.+)$/, date: V1_V3, to: (m) => `/crm/properties/2026-09/${m[1]}` },
  { re: /^\/crm\/v3\/pipelines\/(.+)$/, date: V1_V3, to: (m) => `/crm/pipelines/2026-09/${m[1]}` },
  { re: /^\/crm\/v3\/lists(\/.*)?$/, date: V1_V3, to: (m) => `/crm/lists/2026-09${rest(m[1])}` },
  // schema purge: redirected to the schema DELETE with ?archived=true from 2021-01-28, then 404 after 90 days (HS-cl
  // two-updates-to-the-crm-schemas-api)
  { re: /^\/(crm\/v3|crm-object-schemas\/v3)\/schemas\/([^/]+)\/purge$/, date: '2021-04', to: (m) => `/crm-object-schemas/2026-09/schemas/${m[2]}`, note: 'purge was removed: hard-delete with DELETE and ?archived=true' },
  { re: /^\/(crm\/v3|crm-object-schemas\/v3)\/schemas(\/.*)?$/, date: V1_V3, to: (m) => `/crm-object-schemas/2026-09/schemas${rest(m[2])}` },
  { re: /^\/crm\/v3\/imports(\/.*)?$/, date: V1_V3, to: (m) => `/crm/imports/2026-09${rest(m[1])}` },
  { re: /^\/crm\/v3\/exports\/(.+)$/, date: V1_V3, to: (m) => `/crm/exports/2026-09/${m[1]}` },
  // Timeline (§3.2 rows "Timeline v1 … v3 events" and "Timeline v3 event templates")
  { re: /^\/(crm\/v3\/timeline|integrators\/timeline\/v3)\/events(\/.*)?$/, date: V1_V3, to: (m) => `/integrators/timeline/2026-03/events${rest(m[2])}` },
  { re: /^\/(crm\/v3\/timeline|integrators\/timeline\/v3)\/[^/]+\/event-templates/, date: V1_V3, to: null, note: 'legacy public apps only; project apps use app-event components' },
  { re: /^\/integrations\/v1\/[^/]+\/timeline\/event(\/.*)?$/, date: V1_V3, to: () => '/integrators/timeline/2026-03/events' },
  { re: /^\/integrations\/v1\/[^/]+\/timeline\/event-types/, date: V1_V3, to: null, note: 'legacy public apps only; project apps use app-event components' },
  // Account info v1/v3 (§3.2 row "Account info v3"; hubspot-facts.md §2.3 integrations-v1-me/limit replacements)
  { re: /^\/integrations\/v1\/me$/, date: V1_V3, to: () => '/account-info/2026-09/details' },
  { re: /^\/integrations\/v1\/limit\/daily$/, date: V1_V3, to: () => '/account-info/2026-09/api-usage/daily/private-apps' },
  { re: /^\/account-info\/v3\/(details|api-usage\/daily\/private-apps|activity\/.+)$/, date: V1_V3, to: (m) => `/account-info/2026-09/${m[1]}` },
  // Legacy CRM cards stop 2026-10-31 (§0 item 4, §3.2 row "Legacy CRM cards")
  { re: /^\/crm\/v3\/extensions\/cards(-dev)?\/([^/]+)(\/.*)?$/, date: '2026-10-31', to: (m) => `/crm/extensions/cards-dev/2026-09/${m[2]}${rest(m[3])}`, note: 'classic CRM cards stopped; rebuild them as app cards' },
  { re: /^\/extensions\/sales-objects\/v1\//, date: '2026-10-31', to: null, note: 'CRM extensions v1 (predecessor of classic CRM cards; inferred to share their end); rebuild as app cards' },
  // Removed APIs (§3.2 "Other already-removed APIs"; HS-doc api-reference/deprecated-apis)
  { re: /^\/crm\/v3\/extensions\/accounting\//, date: '2023-02-28', to: null, note: 'Accounting extension API removed' },
  { re: /^\/extensions\/ecomm\/v2\//, date: '2023-02-28', to: null, note: 'Ecommerce Bridge API removed' },
  { re: /^\/calendar\/v1\//, date: '2023-08-31', to: null, note: 'Marketing calendar API removed' },
  { re: /^\/cms\/v3\/performance(\/.*)?$/, date: '2024-04-09', to: null, note: 'CMS performance API removed' },
  // Forms (§0 item 4: Forms v1 gone 2019-03-29; §3.2 row "Forms v2/v3": no GA date-based version)
  { re: /^\/forms\/v1\//, date: '2019-03-29', to: null, note: 'Forms v1 removed; forms have no GA date-based API yet (beta: /marketing/forms/2026-09-beta)' },
  { re: /^\/(forms\/v[23]|marketing\/v3\/forms)(\/.*)?$/, date: V1_V3, to: null, note: 'no GA date-based version yet (beta: /marketing/forms/2026-09-beta)' },
  { re: /^\/submissions\/v3\/integration\/(secure\/)?submit\//, date: V1_V3, to: null, note: 'no dated equivalent found; leave as is (unverified whether the v1–v3 end covers api.hsforms.com)' },
  // CMS blogs and pages (§3.2 rows "CMS blog v2 …" and "CMS pages v2 …")
  { re: /^\/content\/api\/v2\/blog-posts\/([^/]+)$/, date: V1_V3, to: (m) => `/cms/blogs/2026-09/posts/${m[1]}` },
  { re: /^\/content\/api\/v2\/blog-posts$/, date: V1_V3, to: () => '/cms/blogs/2026-09/posts' },
  { re: /^\/cms\/v3\/blogs\/(posts|authors|tags)(\/.*)?$/, date: V1_V3, to: (m) => `/cms/blogs/2026-09/${m[1]}${rest(m[2])}` },
  { re: /^\/content\/api\/v2\/pages\/([^/]+)$/, date: V1_V3, to: (m) => `/cms/pages/2026-03/site-pages/${m[1]}`, note: 'or /cms/pages/2026-03/landing-pages for landing pages' },
  { re: /^\/content\/api\/v2\/pages$/, date: V1_V3, to: () => '/cms/pages/2026-03/site-pages', note: 'or /cms/pages/2026-03/landing-pages for landing pages' },
  { re: /^\/cms\/v3\/pages\/(site-pages|landing-pages)(\/.*)?$/, date: V1_V3, to: (m) => `/cms/pages/2026-03/${m[1]}${rest(m[2])}` },
  // HubDB v2 removed 2024-12-16 (§0 item 4, §3.2 row "HubDB v2")
  { re: /^\/hubdb\/api\/v2\/tables\/([^/]+)\/rows(\/.*)?$/, date: '2024-12-16', to: (m) => `/cms/hubdb/2026-03/tables/${m[1]}/rows${rest(m[2])}` },
  { re: /^\/hubdb\/api\/v2\/tables\/([^/]+)\/publish$/, date: '2024-12-16', to: (m) => `/cms/hubdb/2026-03/tables/${m[1]}/draft/publish` },
  { re: /^\/hubdb\/api\/v2\/tables\/([^/]+)$/, date: '2024-12-16', to: (m) => `/cms/hubdb/2026-03/tables/${m[1]}` },
  { re: /^\/hubdb\/api\/v2\//, date: '2024-12-16', to: () => '/cms/hubdb/2026-03/tables' },
  { re: /^\/cms\/v3\/hubdb\/(.+)$/, date: V1_V3, to: (m) => `/cms/hubdb/2026-03/${m[1]}` },
  // Files (§3.2 row "Files v2 …": /files/v3/files/stat/{path} has no dated equivalent)
  { re: /^\/files\/v3\/files\/stat\//, date: V1_V3, to: null, note: 'no dated equivalent' },
  { re: /^\/files\/v3\/(files|folders)(\/.*)?$/, date: V1_V3, to: (m) => `/files/2026-09/${m[1]}${rest(m[2])}` },
  { re: /^\/filemanager\/api\/v[23]\/(files|folders)(\/[^/]+)?(\/.*)?$/, date: V1_V3, to: (m) => `/files/2026-09/${m[1]}${rest(m[2])}` },
  { re: /^\/filemanager\/api\/v[23]\//, date: V1_V3, to: () => '/files/2026-09/files' },
  // Email subscriptions v1 and communication preferences v3 (§3.2 row "Email subscriptions v1 …")
  { re: /^\/email\/public\/v1\/subscriptions\/([^/]+)$/, methods: ['GET'], date: V1_V3, to: (m) => `/communication-preferences/2026-09/status/email/${m[1]}` },
  { re: /^\/email\/public\/v1\/subscriptions\/[^/]+$/, date: V1_V3, to: () => '/communication-preferences/2026-09/unsubscribe', note: 'or /communication-preferences/2026-09/subscribe' },
  { re: /^\/email\/public\/v1\/subscriptions$/, date: V1_V3, to: () => '/communication-preferences/2026-09/definitions' },
  { re: /^\/communication-preferences\/v3\/(subscribe|unsubscribe|definitions|status\/email\/[^/]+)$/, date: V1_V3, to: (m) => `/communication-preferences/2026-09/${m[1]}` },
  // Email analytics v1: no dated equivalent (§3.2 row "Email analytics v1")
  { re: /^\/email\/public\/v1\/(events|campaigns)(\/.*)?$/, date: V1_V3, to: null, note: 'no dated equivalent found' },
  // Marketing email v1 sunset 2025-11-01 (§0 item 4, §3.2 row "Marketing email v1")
  { re: /^\/marketing-emails\/v1\//, date: '2025-11-01', to: () => '/marketing/emails/2026-09', note: 'Marketing Email v1 sunset' },
  { re: /^\/marketing\/v3\/emails(\/.*)?$/, date: V1_V3, to: (m) => `/marketing/emails/2026-09${rest(m[1])}` },
  // Transactional single send (§3.2 row "Transactional single send v3")
  { re: /^\/marketing\/v3\/transactional\/single-email\/send$/, date: V1_V3, to: () => '/marketing/transactional/2026-09/single-email/send' },
  { re: /^\/email\/public\/v1\/singleEmail\/send$/, date: V1_V3, to: null, note: 'HubSpot names no dated replacement for v1; v3 moves to /marketing/transactional/2026-09/single-email/send' },
  // Workflows (§3.2 row "Workflows v2/v3"): no GA date-based version
  { re: /^\/automation\/v[23]\/workflows(\/.*)?$/, date: V1_V3, to: null, note: 'no GA date-based version (beta: /automation/2026-09-beta/flows)' },
  { re: /^\/automation\/v4\/flows(\/.*)?$/, date: V4, to: null, note: 'no GA date-based version (beta: /automation/2026-09-beta/flows)' },
  // Custom workflow actions v4 (§3.2 row "Custom workflow actions v4")
  { re: /^\/automation\/v4\/actions\/callbacks\/complete$/, date: V4, to: () => '/automation/actions/callbacks/2026-09/complete' },
  { re: /^\/automation\/v4\/actions\/callbacks\/([^/]+)\/complete$/, date: V4, to: (m) => `/automation/actions/callbacks/2026-09/${m[1]}/complete` },
  { re: /^\/automation\/v4\/actions\/(.+)$/, date: V4, to: (m) => `/automation/actions/2026-09/${m[1]}` },
  // Webhooks v1/v3 app settings (§3.2 row "Webhooks v3")
  { re: /^\/webhooks\/v[13]\/([^/]+)\/(settings|subscriptions)(\/.*)?$/, date: V1_V3, to: (m) => `/app-webhooks/2026-09/${m[1]}/${m[2]}${rest(m[3])}`, note: 'legacy public apps only; project apps declare webhooks in webhooks-hsmeta.json' },
  // Settings users v3 (§3.2 row "Settings users v3")
  { re: /^\/settings\/v3\/users(\/.*)?$/, date: V1_V3, to: (m) => `/settings/users/2026-03${rest(m[1])}` },
  // OAuth v1 token endpoints shut off 2027-02-16 (§0 item 4, §3.2 row "OAuth v1")
  { re: /^\/oauth\/v1\/token$/, date: '2027-02-16', to: () => '/oauth/2026-03/token' },
  { re: /^\/oauth\/v1\/access-tokens\/[^/]+$/, date: '2027-02-16', to: () => '/oauth/2026-03/token/introspect' },
  { re: /^\/oauth\/v1\/refresh-tokens\/[^/]+$/, methods: ['DELETE'], date: '2027-02-16', to: () => '/oauth/2026-03/token/revoke' },
  { re: /^\/oauth\/v1\/refresh-tokens\/[^/]+$/, date: '2027-02-16', to: () => '/oauth/2026-03/token/introspect' },
];

function isPast(date: string, today: string): boolean {
  return date.length === 7 ? today.slice(0, 7) > date : today >= date;
}

/**
 * Lifecycle of an endpoint as of `today` (default: now): `removed` when its date is past,
 * `unsupported-from` when still ahead, `supported` for date-based paths; null when nothing is known.
 */
export function lifecycleFor(method: HttpMethod | null, path: string | null, today: string = todayUtc()): Lifecycle | null {
  if (path === null || path === undefined) return null;
  const p = normalisePath(path);
  const segs = p.split('/').slice(1);
  const dated = segs.slice(0, 4).find((s) => /^\d{4}-\d{2}(-beta)?$/.test(s));
  if (dated) {
    return { status: 'supported', date: null, replacement: null, ...(dated.endsWith('-beta') ? { note: 'beta version' } : {}) };
  }
  for (const row of ROWS) {
    if (row.methods && (!method || !row.methods.includes(method))) continue;
    const m = p.match(row.re);
    if (!m) continue;
    const out: Lifecycle = { status: isPast(row.date, today) ? 'removed' : 'unsupported-from', date: row.date, replacement: row.to ? row.to(m) : null };
    if (row.note) out.note = row.note;
    return out;
  }
  // any other numeric-versioned API: v4 ends 2027-03-30, v1–v3 September 2027 (§0 item 3)
  const v = segs.slice(0, 3).find((s) => /^v\d+$/.test(s));
  if (v === 'v4') return { status: isPast(V4, today) ? 'removed' : 'unsupported-from', date: V4, replacement: null };
  if (v && ['v1', 'v2', 'v3'].includes(v)) return { status: isPast(V1_V3, today) ? 'removed' : 'unsupported-from', date: V1_V3, replacement: null };
  return null;
}
