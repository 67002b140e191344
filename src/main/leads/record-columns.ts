import { isAlternativeProfileUrl, normaliseDomain, normaliseEmail, normaliseFacebookUrl, normaliseLinkedinUrl, splitFullName } from '../../shared/normalise';
import type { ColumnValue, CompanyInput, LeadInput } from './upsert-types';

/** Column values of a lead descriptor: only given, non-blank fields, with the normalised keys beside their raw forms. */
export function leadColumns(input: LeadInput): Map<string, ColumnValue> {
  const values = new Map<string, ColumnValue>();
  const named = [input.firstName, input.middleName, input.lastName].some((v) => text(v) !== undefined);
  const names = named ? input : splitFullName(input.fullName);
  put(values, 'first_name', text(names.firstName));
  put(values, 'middle_name', text(names.middleName));
  put(values, 'last_name', text(names.lastName));
  put(values, 'job_title', text(input.jobTitle));
  putKeyed(values, 'email', input.email, normaliseEmail);
  put(values, 'phone', text(input.phone));
  putProfile(values, 'linkedin', [input.linkedinUrl, input.linkedinAltUrl], normaliseLinkedinUrl);
  putProfile(values, 'facebook', [input.facebookUrl, input.facebookAltUrl], normaliseFacebookUrl);
  put(values, 'country', text(input.country));
  put(values, 'location', text(input.location));
  put(values, 'timezone', text(input.timezone));
  put(values, 'picture_url', text(input.pictureUrl));
  put(values, 'email_verification', input.emailVerification ?? undefined);
  return values;
}

/** Column values of a company descriptor, under the same rules as `leadColumns`. */
export function companyColumns(input: CompanyInput): Map<string, ColumnValue> {
  const values = new Map<string, ColumnValue>();
  put(values, 'name', text(input.name));
  put(values, 'domain', normaliseDomain(text(input.domain) ?? input.website) ?? undefined);
  put(values, 'email', normaliseEmail(text(input.email) ?? '') ?? undefined);
  put(values, 'phone', text(input.phone));
  putKeyed(values, 'linkedin', input.linkedinUrl, normaliseLinkedinUrl);
  putKeyed(values, 'facebook', input.facebookUrl, normaliseFacebookUrl);
  put(values, 'headcount', count(input.headcount));
  put(values, 'revenue', count(input.revenue));
  put(values, 'industry', text(input.industry));
  put(values, 'country', text(input.country));
  put(values, 'location', text(input.location));
  put(values, 'timezone', text(input.timezone));
  return values;
}

function put(values: Map<string, ColumnValue>, column: string, value: ColumnValue | undefined): void {
  if (value !== undefined) values.set(column, value);
}

/** Normal form in `<name>_norm` and the shown form beside it (an email is shown normalised, a URL as given); a value that does not normalise is ignored. */
function putKeyed(values: Map<string, ColumnValue>, name: string, raw: string | null | undefined, normalise: (s: string) => string | null): void {
  const given = text(raw);
  const norm = given === undefined ? null : normalise(given);
  if (given === undefined || norm === null) return;
  if (name === 'email') values.set('email', norm);
  else values.set(`${name}_url`, given);
  values.set(`${name}_norm`, norm);
}

/**
 * A profile URL in its primary form (`<name>_url` as given, `<name>_norm`) and, when a second form of the same profile
 * is given, the alternative one normalised in `<name>_alt_url`; an alternative form alone stands as the primary.
 */
function putProfile(values: Map<string, ColumnValue>, name: string, raws: (string | null | undefined)[], normalise: (s: string) => string | null): void {
  const given = raws.flatMap((raw) => {
    const shown = text(raw);
    const norm = shown === undefined ? null : normalise(shown);
    return shown === undefined || norm === null ? [] : [{ shown, norm }];
  });
  const primary = given.find((g) => !isAlternativeProfileUrl(g.norm)) ?? given[0];
  if (!primary) return;
  values.set(`${name}_url`, primary.shown);
  values.set(`${name}_norm`, primary.norm);
  const alternative = given.find((g) => g.norm !== primary.norm && isAlternativeProfileUrl(g.norm));
  if (alternative) values.set(`${name}_alt_url`, alternative.norm);
}

/** Custom values by field id, without blanks (a blank never clears a stored value). */
export function customColumns(custom: Readonly<Record<number, string | number>> | null | undefined): Map<number, ColumnValue> {
  const values = new Map<number, ColumnValue>();
  for (const [fieldId, value] of Object.entries(custom ?? {})) {
    if (typeof value === 'number' || value.trim() !== '') values.set(Number(fieldId), value);
  }
  return values;
}

function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function count(value: number | null | undefined): number | undefined {
  return value !== null && value !== undefined && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}
