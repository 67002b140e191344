import type { Database } from 'better-sqlite3';
import type { WorkEngine } from '../work/work-engine';
import { applyBrowserConnections, applyBrowserInbox } from './browser-checks';
import { applyBrowserAction, buildBrowserPayload } from './browser-outreach';
import { browserSiteOf } from './browser-profile';
import { BrowserStatements } from './browser-statements';

/**
 * Registers the browser channels' hooks: LinkedIn/Facebook outreach payloads (suppression at claim) and results,
 * and the inbox and connection checks of browser profiles (email profiles keep their own inbox applier).
 */
export function registerBrowserHooks(engine: Pick<WorkEngine, 'onClaim' | 'onOutcome'>, services: { readonly store: { readonly sqlite: Database } }): void {
  const st = new BrowserStatements(services.store.sqlite);
  engine.onClaim('outreach', buildBrowserPayload(st));
  engine.onOutcome('outreach', applyBrowserAction(st));
  engine.onOutcome('inbox_check', (ctx, outcome) => {
    const site = browserSiteOf(ctx.sqlite, ctx.profileId);
    if (site) applyBrowserInbox(st, ctx, site, outcome);
  });
  engine.onOutcome('connection_check', (ctx, outcome) => {
    const site = browserSiteOf(ctx.sqlite, ctx.profileId);
    if (site) applyBrowserConnections(st, ctx, site, outcome);
  });
}
