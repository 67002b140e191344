import type { Kysely, Selectable } from 'kysely';
import type { Lead, LeadsPage, LeadSummary } from '../../../shared/contract/schemas/leads';
import type { DB } from '../schema';
import { toIso } from '../../../shared/iso-time';


type LeadRow = Selectable<DB['leads']> & { company_name: string | null };

const toSummary = (r: LeadRow): LeadSummary => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  jobTitle: r.job_title,
  email: r.email,
  companyId: r.company_id,
  companyName: r.company_name,
  country: r.country,
  createdAt: toIso(r.created_at),
});

/** Read access to leads for the lists and the lead page. */
export class LeadsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  private base() {
    return this.db
      .selectFrom('leads')
      .leftJoin('companies', 'companies.id', 'leads.company_id')
      .selectAll('leads')
      .select('companies.name as company_name')
      .where('leads.deleted_at', 'is', null);
  }

  /** One page, newest first, continuing after the cursor (an id). */
  async list(input: { limit: number; after?: number | undefined }): Promise<LeadsPage> {
    let q = this.base().orderBy('leads.id', 'desc').limit(input.limit + 1);
    if (input.after !== undefined) q = q.where('leads.id', '<', input.after);
    const rows = await q.execute();
    const page = rows.slice(0, input.limit);
    return {
      items: page.map(toSummary),
      nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
      total: await this.count(),
    };
  }

  /** Live (not deleted) leads. */
  async count(): Promise<number> {
    const row = await this.db.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** One live lead, or null. */
  async get(id: number): Promise<Lead | null> {
    const r = await this.base().where('leads.id', '=', id).executeTakeFirst();
    if (!r) return null;
    return {
      ...toSummary(r),
      middleName: r.middle_name,
      phone: r.phone,
      linkedinUrl: r.linkedin_url,
      facebookUrl: r.facebook_url,
      location: r.location,
      timezone: r.timezone,
      pictureUrl: r.picture_url,
      emailVerification: r.email_verification,
      updatedAt: toIso(r.updated_at),
    };
  }
}
