import type { EndpointMapping, HttpEnrichmentType } from './http-api-settings';

const resultWords = { deliverable: 'valid', undeliverable: 'invalid', risky: 'risky', accept_all: 'catch_all', unknown: 'unknown' } as const;

/**
 * Mappings for two common response shapes. `verifier-result-v1`: a verifier answering at the top level
 * (`{result: "deliverable" | "undeliverable" | "risky" | "unknown", disposable, role, score}`).
 * `finder-data-v1`: a finder wrapping its answer in `data` (`{data: {email, score, result, phone, ...}}`, and for a
 * company `{data: {emails: [{value, first_name, last_name, position, ...}]}}`).
 */
export const presetEndpoints: Record<string, Partial<Record<HttpEnrichmentType, EndpointMapping>>> = {
  'verifier-result-v1': {
    verify_email: {
      method: 'GET',
      path: '/verify',
      query: { email: '{{email}}' },
      outputs: { verdict: 'result', disposable: 'disposable', role: 'role', score: 'score' },
      personFields: {},
      verdicts: resultWords,
    },
  },
  'finder-data-v1': {
    find_email: {
      method: 'GET',
      path: '/email-finder',
      query: { domain: '{{domain}}', first_name: '{{firstName}}', last_name: '{{lastName}}', company: '{{companyName}}' },
      outputs: { email: 'data.email', score: 'data.score' },
      personFields: {},
      verdicts: {},
    },
    find_company_leads: {
      method: 'GET',
      path: '/domain-search',
      query: { domain: '{{domain}}', company: '{{companyName}}', limit: '{{limit}}' },
      outputs: { people: 'data.emails' },
      personFields: { email: 'value', firstName: 'first_name', lastName: 'last_name', jobTitle: 'position', phone: 'phone_number', linkedinUrl: 'linkedin' },
      verdicts: {},
    },
    verify_email: {
      method: 'GET',
      path: '/email-verifier',
      query: { email: '{{email}}' },
      outputs: { verdict: 'data.result', disposable: 'data.disposable', score: 'data.score' },
      personFields: {},
      verdicts: resultWords,
    },
    find_phone: {
      method: 'GET',
      path: '/phone-finder',
      query: { domain: '{{domain}}', first_name: '{{firstName}}', last_name: '{{lastName}}', email: '{{email}}' },
      outputs: { phone: 'data.phone' },
      personFields: {},
      verdicts: {},
    },
  },
};
