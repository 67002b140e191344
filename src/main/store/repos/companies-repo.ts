import type { Kysely } from 'kysely';
import type { DB } from '../schema';

/** Read access to companies. */
export class CompaniesRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** Live (not deleted) companies. */
  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('companies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
