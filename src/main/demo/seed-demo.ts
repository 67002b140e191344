import { Faker, en } from '@faker-js/faker';
import type { Services } from '../services';

const COMPANIES_PER_LEAD = 1 / 8;
const COUNTRIES = ['US', 'GB', 'FR', 'DE', 'ES', 'NL', 'CA', 'AU', 'SE', 'IT'];

/**
 * Fills an empty data folder with realistic fake leads and companies so a newcomer sees a living app.
 * Returns how many leads it added (0 when leads already exist: it never mixes demo data into real data).
 */
export async function seedDemo(s: Services, leadCount: number): Promise<number> {
  if ((await s.leads.count()) > 0) return 0;
  const faker = new Faker({ locale: [en] });
  faker.seed(42);
  const db = s.store.sqlite;
  const at = s.clock.now();
  const insertCompany = db.prepare(
    'INSERT INTO companies (name, domain, industry, headcount, country, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertLead = db.prepare(
    `INSERT INTO leads (first_name, last_name, job_title, email, email_norm, phone, linkedin_url, linkedin_norm, country, location, company_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    const companyIds: number[] = [];
    const domains = new Set<string>();
    while (companyIds.length < Math.max(1, Math.round(leadCount * COMPANIES_PER_LEAD))) {
      const name = faker.company.name();
      const domain = `${faker.helpers.slugify(name).toLowerCase().replace(/[^a-z0-9-]/g, '').slice(0, 40)}.example.com`;
      if (domains.has(domain)) continue;
      domains.add(domain);
      const info = insertCompany.run(name, domain, faker.commerce.department(), faker.number.int({ min: 5, max: 5000 }), faker.helpers.arrayElement(COUNTRIES), at, at);
      companyIds.push(Number(info.lastInsertRowid));
    }
    for (let i = 0; i < leadCount; i++) {
      const first = faker.person.firstName();
      const last = faker.person.lastName();
      const email = `${first}.${last}.${i}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
      const slug = `${first}-${last}-${i}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
      insertLead.run(
        first,
        last,
        faker.person.jobTitle(),
        email,
        email,
        faker.phone.number({ style: 'international' }),
        `https://www.linkedin.com/in/${slug}/`,
        `linkedin.com/in/${slug}`,
        faker.helpers.arrayElement(COUNTRIES),
        faker.location.city(),
        faker.helpers.arrayElement(companyIds),
        // Spread creation times over the last 90 days so lists and charts look lived-in.
        at - (leadCount - i) * Math.floor((90 * 86_400_000) / leadCount),
        at,
      );
    }
  })();
  s.bus.emit('leads.changed', { reason: 'demo', total: await s.leads.count() });
  return leadCount;
}
