import { describe, expect, it } from 'vitest';
import { headerKey, suggestMapping } from '../../src/shared/import/column-presets';
import { isImportTarget } from '../../src/shared/import/import-targets';

describe('column presets', () => {
  it('recognises an Apollo people export and maps its columns', () => {
    const headers = ['First Name', 'Last Name', 'Title', 'Company', 'Company Name for Emails', 'Email', 'Email Status', 'Person Linkedin Url', 'Website', '# Employees', 'Country', 'Keywords'];
    const { preset, mapping } = suggestMapping(headers);
    expect(preset.id).toBe('apollo');
    expect(mapping).toEqual(['firstName', 'lastName', 'jobTitle', 'company.name', 'ignore', 'email', 'ignore', 'linkedinUrl', 'company.domain', 'company.headcount', 'country', 'ignore']);
  });

  it('recognises a HubSpot contacts export', () => {
    const { preset, mapping } = suggestMapping(['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name', 'Website URL', 'Country/Region']);
    expect(preset.id).toBe('hubspot');
    expect(mapping).toEqual(['ignore', 'firstName', 'lastName', 'email', 'phone', 'company.name', 'company.domain', 'country']);
  });

  it('recognises a Sales Navigator export', () => {
    const { preset, mapping } = suggestMapping(['Full Name', 'Headline', 'Profile Url', 'Company Name', 'Company Url', 'Location']);
    expect(preset.id).toBe('sales_navigator');
    expect(mapping).toEqual(['fullName', 'jobTitle', 'linkedinUrl', 'company.name', 'company.linkedinUrl', 'location']);
  });

  it('falls back to the generic sheet, tolerant of case, spaces and punctuation', () => {
    const { preset, mapping } = suggestMapping(['first_name', 'LAST NAME', 'e-mail', 'Company', 'website', 'linkedin', 'Favourite colour']);
    expect(preset.id).toBe('generic');
    expect(mapping).toEqual(['firstName', 'lastName', 'email', 'company.name', 'company.domain', 'linkedinUrl', 'ignore']);
  });

  it('keys headers by letters and digits only', () => {
    expect(headerKey('  Person LinkedIn-URL ')).toBe('personlinkedinurl');
  });

  it('knows which targets exist', () => {
    expect(isImportTarget('email')).toBe(true);
    expect(isImportTarget('company.industry')).toBe(true);
    expect(isImportTarget('custom:12')).toBe(true);
    expect(isImportTarget('company.custom:3')).toBe(true);
    expect(isImportTarget('custom:Favourite colour')).toBe(false);
    expect(isImportTarget('custom:0')).toBe(false);
    expect(isImportTarget('custom:')).toBe(false);
    expect(isImportTarget('password')).toBe(false);
  });
});

describe('suggestMapping with custom fields', () => {
  it('maps a header no preset knows to the custom field of that name, leads first, companies also with a "Company" prefix', () => {
    const fields = [
      { id: 4, kind: 'lead' as const, name: 'Seats' },
      { id: 7, kind: 'company' as const, name: 'Funding stage' },
      { id: 9, kind: 'company' as const, name: 'Seats' },
    ];
    const { mapping } = suggestMapping(['Email', 'seats', 'Funding Stage', 'Company Funding-Stage', 'Industry', 'Other'], fields);
    expect(mapping).toEqual(['email', 'custom:4', 'company.custom:7', 'company.custom:7', 'company.industry', 'ignore']);
  });

  it('maps a Sales Navigator link as a second LinkedIn URL', () => {
    expect(suggestMapping(['Profile Url', 'Sales Navigator Url']).mapping).toEqual(['linkedinUrl', 'linkedinUrl']);
  });
});
