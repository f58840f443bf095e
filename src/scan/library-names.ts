// The HubSpot client libraries by npm name (no parser needed: the run reads these before deciding to parse).

export type Lib = 'hubspot-api-client' | 'hubspot' | 'hubspot-api';

export const LIB_MODULES: Record<string, Lib> = {
  '@hubspot/api-client': 'hubspot-api-client',
  hubspot: 'hubspot',
  'hubspot-api': 'hubspot-api',
};
