import type { VerificationOutput } from '../../../shared/email-verification';
import type { EndpointMapping, HttpEnrichmentType } from './http-api-settings';
import type { Subject } from './provider-request';

/** The value at a dotted path (`data.emails.0.value`) in parsed JSON; undefined when any step is missing. */
export function readPath(json: unknown, path: string): unknown {
  let value: unknown = json;
  for (const step of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null);
const flag = (value: unknown): boolean => value === true || value === 'true' || value === 1;
const at = (json: unknown, path: string | undefined): unknown => (path === undefined ? undefined : readPath(json, path));

/**
 * A lookup's output and hit from the provider's JSON. verify_email reports the shared verification output (so the
 * verification applier writes the verdict); finders report the value found (`email`, `phone`) or null, and a company
 * lookup the people found (`people`, each with the mapped person fields). `response`
 * keeps the provider's answer.
 */
export function mapResponse(type: HttpEnrichmentType, mapping: EndpointMapping, json: unknown, subject: Subject): { output: Record<string, unknown>; hit: boolean } {
  const { outputs } = mapping;
  const score = at(json, outputs.score);
  const common = { score: typeof score === 'number' ? score : null, response: json };
  if (type === 'verify_email') {
    const email = text(subject.email) ?? '';
    const word = text(at(json, outputs.verdict));
    const verdict = (word === null ? undefined : mapping.verdicts[word.toLowerCase()]) ?? 'unknown';
    const verification: VerificationOutput = {
      email,
      verdict,
      reasons: verdict === 'valid' ? [] : [`the provider answered ${word ?? 'nothing'}`],
      domain: email.includes('@') ? email.slice(email.lastIndexOf('@') + 1).toLowerCase() : null,
      mail: 'unchecked',
      mxHosts: [],
      disposable: flag(at(json, outputs.disposable)),
      role: flag(at(json, outputs.role)),
      suggestion: null,
    };
    return { output: { ...verification, ...common }, hit: verdict === 'valid' };
  }
  if (type === 'find_company_leads') {
    const list = at(json, outputs.people);
    const limit = typeof subject.limit === 'number' ? subject.limit : Infinity;
    const people = (Array.isArray(list) ? list : []).slice(0, limit).map((person: unknown) =>
      Object.fromEntries(Object.entries(mapping.personFields).map(([name, path]) => [name, text(readPath(person, path))])),
    );
    return { output: { people, ...common }, hit: people.length > 0 };
  }
  const field = type === 'find_email' ? 'email' : 'phone';
  const found = text(at(json, outputs[field]));
  return { output: { [field]: found, ...common }, hit: found !== null };
}
