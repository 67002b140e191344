import type { Database } from 'better-sqlite3';
import type { WorkEngine } from '../work/work-engine';
import { browserSiteOf } from '../browser/browser-profile';
import { applyInboxCheck } from './apply-inbox-check';
import { IncomingStatements } from './incoming-statements';

/** Registers what happens when an inbox check finishes: its messages are stored, linked and acted on. */
export function registerInboxHooks(engine: Pick<WorkEngine, 'onOutcome'>, services: { readonly store: { readonly sqlite: Database } }): void {
  const statements = new IncomingStatements(services.store.sqlite);
  engine.onOutcome('inbox_check', (ctx, outcome) => {
    // Browser profiles read their site's conversations; their own applier handles those (src/main/browser).
    if (browserSiteOf(ctx.sqlite, ctx.profileId) === null) applyInboxCheck(statements, ctx, outcome);
  });
}
