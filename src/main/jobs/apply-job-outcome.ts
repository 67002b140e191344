import { scrapeOutput, type CompanyDescriptor, type LeadDescriptor, type ScrapedEvent } from '../../shared/browser/browser-outputs';
import type { WorkOutcome } from '../../shared/worker-protocol/messages';
import type { UpsertEngine } from '../leads/upsert-engine';
import type { CompanyInput, LeadInput, UpsertSource } from '../leads/upsert-types';
import type { HookContext } from '../work/work-hooks';
import { eventUrlKey } from './event-url-key';
import type { JobSourceRow, JobStatements } from './job-statements';
import { resolveScrapeParams } from './scrape-params';

interface Counts {
  seen: number;
  events: number;
  leads: number;
}

const companyInput = (c: CompanyDescriptor): CompanyInput => ({ ...c });

/** A person becomes a lead only with a profile URL to match on: a name alone would make a new lead at every sighting elsewhere. */
function leadInput(lead: LeadDescriptor | null, company: CompanyDescriptor | null): LeadInput | null {
  if (!lead || (!lead.linkedinUrl && !lead.facebookUrl)) return null;
  const { headline, companyName, ...rest } = lead;
  const companyOf = company ?? (companyName ? { name: companyName } : null);
  return { ...rest, jobTitle: lead.jobTitle ?? headline ?? null, company: companyOf && companyInput(companyOf) };
}

function storeEvent(st: JobStatements, engine: UpsertEngine, ctx: HookContext, job: JobSourceRow, event: ScrapedEvent, counts: Counts): void {
  const key = eventUrlKey(event.url);
  const known = st.eventByKey.get(key);
  counts.seen += 1;
  if (known) {
    st.sawEvent.run(job.id, known.id, ctx.now);
    return;
  }
  const source: UpsertSource = { kind: 'scrape', id: job.id };
  const companiesBefore = st.maxCompanyId.get()?.id ?? 0;
  const lead = leadInput(event.lead, event.company);
  const leadResult = lead ? engine.upsertLead(lead, source) : null;
  const companyResult = !lead && event.company && Object.values(event.company).some(Boolean) ? engine.upsertCompany(companyInput(event.company), source) : null;
  const companyId = companyResult?.id ?? null;
  const companyCreated = (st.maxCompanyId.get()?.id ?? 0) > companiesBefore;
  const leadCreated = leadResult?.outcome === 'inserted';
  if (leadCreated) {
    counts.leads += 1;
    if (job.tag_id !== null) st.tagLead.run(job.tag_id, leadResult.id, job.id, ctx.now);
  }
  const publishedAt = event.publishedAt === null ? null : Date.parse(event.publishedAt);
  const descriptor = JSON.stringify({ lead: event.lead, company: event.company });
  const id = Number(
    st.insertEvent.run(event.url, key, event.kind, job.source_id, job.id, event.title, event.text, publishedAt, descriptor,
      leadResult?.id ?? null, companyId, Number(leadCreated), Number(companyCreated), ctx.now, ctx.now).lastInsertRowid,
  );
  st.sawEvent.run(job.id, id, ctx.now);
  counts.events += 1;
}

/**
 * Applies a performed scrape inside the engine's finishing transaction: each event is stored once per normalised
 * URL (later sightings only link the job), its person and company go through the UpsertEngine with the job as
 * provenance, new leads get the source's tag, the job keeps its counters, and the next page becomes a child job
 * while the run stays within the source's max jobs.
 */
export function applyJobOutcome(st: JobStatements, engine: UpsertEngine, ctx: HookContext, outcome: WorkOutcome): void {
  const job = st.job.get(ctx.recordId);
  if (!job) return;
  if (outcome.outcome === 'performed') {
    const output = scrapeOutput.parse(outcome.output);
    const companiesBefore = st.maxCompanyId.get()?.id ?? 0;
    const counts: Counts = { seen: 0, events: 0, leads: 0 };
    const limit = job.event_limit ?? output.events.length;
    for (const event of output.events.slice(0, limit)) storeEvent(st, engine, ctx, job, event, counts);
    const companiesNew = (st.maxCompanyId.get()?.id ?? 0) - companiesBefore;
    st.counters.run(counts.seen, counts.events, counts.leads, Math.max(0, companiesNew), job.id);
    if (job.page === 1) st.ranUrl.run(ctx.now, ctx.now, job.source_url_id);
    if (output.nextPageUrl && job.source_live === 1 && job.page < (job.max_jobs ?? 1)) {
      const delayMs = (resolveScrapeParams(job).pageDelaySeconds ?? 0) * 1000;
      st.childJob.run(job.source_id, job.source_url_id, job.id, job.page + 1, output.nextPageUrl, job.profile_id, ctx.now + delayMs, ctx.now, ctx.now);
    }
  }
  ctx.bus.emit('jobs.changed', { jobId: job.id, sourceId: job.source_id, status: job.status });
}
