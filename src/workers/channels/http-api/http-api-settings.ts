import { z } from 'zod';
import { emailVerifications } from '../../../shared/email-verification';

/** The enrichment types an HTTP provider can perform. */
export const httpEnrichmentTypes = ['verify_email', 'find_email', 'find_phone', 'find_company_leads'] as const;

/** One enrichment type an HTTP provider performs. */
export type HttpEnrichmentType = (typeof httpEnrichmentTypes)[number];

/** The fields read for each person a company lookup returns. */
export const personFields = ['firstName', 'lastName', 'email', 'jobTitle', 'phone', 'linkedinUrl'] as const;

/** The built-in field mappings for two common JSON response shapes. */
export const providerPresets = ['verifier-result-v1', 'finder-data-v1'] as const;

const template = z.string().max(2_000);

/**
 * How one enrichment type is asked for and read back. Templates take `{{email}}`, `{{firstName}}`, `{{lastName}}`,
 * `{{fullName}}`, `{{domain}}`, `{{companyName}}` and `{{limit}}` from the item's params; outputs are dotted JSON paths into the
 * response (`data.email`, `data.sources.0.uri`).
 */
export const endpointMapping = z.strictObject({
  method: z.enum(['GET', 'POST']).default('GET'),
  path: template,
  query: z.record(z.string(), template).default({}),
  /** A JSON body (POST only): each string value is a template. */
  body: z.record(z.string(), template).optional(),
  outputs: z.strictObject({
    email: z.string().optional(),
    phone: z.string().optional(),
    verdict: z.string().optional(),
    score: z.string().optional(),
    disposable: z.string().optional(),
    role: z.string().optional(),
    /** find_company_leads: the array of people in the response. */
    people: z.string().optional(),
  }),
  /** find_company_leads: paths inside each person of `outputs.people`. */
  personFields: z.partialRecord(z.enum(personFields), z.string()).default({}),
  /** Provider verdict words to ours; a word not listed is `unknown`. */
  verdicts: z.record(z.string(), z.enum(emailVerifications)).default({}),
});

/** One enrichment type's request and response mapping. */
export type EndpointMapping = z.infer<typeof endpointMapping>;

/** An `http_api` profile's settings (catalogue defaults overlaid by the profile's own). */
export const httpApiSettings = z.object({
  baseUrl: z.url({ error: 'the profile has no base URL (settings.baseUrl)' }),
  /** The header the API key travels in, and what precedes the key there ("Bearer "). */
  keyHeader: z.string().min(1).default('Authorization'),
  keyPrefix: z.string().default('Bearer '),
  timeoutSeconds: z.number().positive().max(300).default(15),
  preset: z.enum(providerPresets).optional(),
  /** Mappings per enrichment type; they replace the preset's for the same type. */
  endpoints: z.partialRecord(z.enum(httpEnrichmentTypes), endpointMapping).default({}),
});

/** Parsed `http_api` settings. */
export type HttpApiSettings = z.infer<typeof httpApiSettings>;
