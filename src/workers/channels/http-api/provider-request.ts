import type { EndpointMapping, HttpApiSettings } from './http-api-settings';

/** What templates may name: the subject main put into the item's params. */
export type Subject = Readonly<Record<string, unknown>>;

/** Fills `{{name}}` placeholders from the subject; a missing or non-text value renders empty. */
export function renderTemplate(template: string, subject: Subject, encode: (value: string) => string = (v) => v): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => {
    const value = subject[name];
    return typeof value === 'string' || typeof value === 'number' ? encode(String(value)) : '';
  });
}

/** The URL and fetch options for one lookup; query parameters that render empty are left out. */
export function providerRequest(settings: HttpApiSettings, mapping: EndpointMapping, subject: Subject, apiKey: string): { url: URL; init: RequestInit } {
  const base = settings.baseUrl.endsWith('/') ? settings.baseUrl : `${settings.baseUrl}/`;
  const url = new URL(renderTemplate(mapping.path, subject, encodeURIComponent).replace(/^\//, ''), base);
  for (const [name, template] of Object.entries(mapping.query)) {
    const value = renderTemplate(template, subject);
    if (value !== '') url.searchParams.set(name, value);
  }
  const headers: Record<string, string> = { accept: 'application/json', [settings.keyHeader]: `${settings.keyPrefix}${apiKey}` };
  let body: string | undefined;
  if (mapping.method === 'POST' && mapping.body) {
    body = JSON.stringify(Object.fromEntries(Object.entries(mapping.body).map(([name, template]) => [name, renderTemplate(template, subject)])));
    headers['content-type'] = 'application/json';
  }
  return { url, init: { method: mapping.method, headers, ...(body === undefined ? {} : { body }) } };
}
