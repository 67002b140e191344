import { describe, expect, it } from 'vitest';
import type { UpsertSource } from '../../../src/main/leads/upsert-types';
import { leadStore } from './lead-store';

const SOURCE: UpsertSource = { kind: 'person', id: 1 };
const MEMBER = 'ACwAAAAWjRMBtsJzBD5G7ZdxgmYLYq7cxTU6I9A';
const SALES_URL = `https://www.linkedin.com/sales/lead/${MEMBER},NAME_SEARCH,xY1z`;
const MEMBER_NORM = `linkedin.com/in/${MEMBER.toLowerCase()}`;

describe('alternative profile URL forms', () => {
  it('keeps the public LinkedIn URL as primary and the member id as alternative, whichever column each came in', () => {
    const { engine, lead } = leadStore();
    const { id } = engine.upsertLead({ firstName: 'Ada', linkedinUrl: SALES_URL, linkedinAltUrl: 'https://www.linkedin.com/in/ada-lovelace/' }, SOURCE);
    expect(lead(id)).toMatchObject({ linkedin_url: 'https://www.linkedin.com/in/ada-lovelace/', linkedin_norm: 'linkedin.com/in/ada-lovelace', linkedin_alt_url: MEMBER_NORM });
  });

  it('matches a lead known by its public URL when a row gives only the member id, and keeps the public URL', () => {
    const { engine, lead, count } = leadStore();
    const { id } = engine.upsertLead({ linkedinUrl: 'linkedin.com/in/ada-lovelace', linkedinAltUrl: SALES_URL }, SOURCE);
    expect(engine.upsertLead({ linkedinUrl: `https://linkedin.com/in/${MEMBER}`, jobTitle: 'Countess' }, SOURCE)).toEqual({ id, outcome: 'updated' });
    expect(count('leads')).toBe(1);
    expect(lead(id)).toMatchObject({ linkedin_norm: 'linkedin.com/in/ada-lovelace', linkedin_alt_url: MEMBER_NORM, job_title: 'Countess' });
  });

  it('upgrades a lead known only by its member id when a row gives both forms', () => {
    const { engine, lead, count } = leadStore();
    const { id } = engine.upsertLead({ firstName: 'Ada', linkedinUrl: SALES_URL }, SOURCE);
    expect(lead(id)).toMatchObject({ linkedin_norm: MEMBER_NORM, linkedin_alt_url: null });
    expect(engine.upsertLead({ linkedinUrl: 'linkedin.com/in/ada-lovelace', linkedinAltUrl: SALES_URL }, SOURCE)).toEqual({ id, outcome: 'updated' });
    expect(count('leads')).toBe(1);
    expect(lead(id)).toMatchObject({ linkedin_norm: 'linkedin.com/in/ada-lovelace', linkedin_alt_url: MEMBER_NORM });
  });

  it('files a member id given for a lead matched by e-mail as its alternative, never over its public URL', () => {
    const { engine, lead } = leadStore();
    const { id } = engine.upsertLead({ email: 'ada@x.io', linkedinUrl: 'linkedin.com/in/ada-lovelace' }, SOURCE);
    engine.upsertLead({ email: 'ada@x.io', linkedinUrl: SALES_URL }, SOURCE);
    expect(lead(id)).toMatchObject({ linkedin_norm: 'linkedin.com/in/ada-lovelace', linkedin_alt_url: MEMBER_NORM });
  });

  it('treats Facebook numeric profile links as the alternative of a vanity URL', () => {
    const { engine, lead, count } = leadStore();
    const { id } = engine.upsertLead({ facebookUrl: 'https://www.facebook.com/profile.php?id=100004123456789', facebookAltUrl: 'facebook.com/ada.lovelace' }, SOURCE);
    expect(lead(id)).toMatchObject({ facebook_norm: 'facebook.com/ada.lovelace', facebook_alt_url: 'facebook.com/profile.php?id=100004123456789' });
    expect(engine.upsertLead({ facebookUrl: 'https://m.facebook.com/100004123456789', country: 'GB' }, SOURCE)).toEqual({ id, outcome: 'updated' });
    expect(count('leads')).toBe(1);
    expect(lead(id)).toMatchObject({ facebook_norm: 'facebook.com/ada.lovelace', country: 'GB' });
  });
});
