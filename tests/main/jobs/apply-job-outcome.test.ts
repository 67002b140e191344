import { describe, expect, it } from 'vitest';
import type { ScrapedEvent } from '../../../src/shared/browser/browser-outputs';
import { JobCreator } from '../../../src/main/plan/job-creator';
import { addBrowserProfile } from '../browser/browser-fixtures';
import { engineFixture, type EngineFixture } from '../browser/engine-fixture';

const PEOPLE = 'https://www.linkedin.com/search/results/people/?keywords=cto';

function addSource(f: EngineFixture, profileId: number, maxJobs: number, tagId: number | null) {
  const type = f.get("SELECT id FROM source_types WHERE code = 'linkedin_people_search'") as { id: number };
  const source = Number(
    f.run(`INSERT INTO sources (source_type_id, name, profile_id, cadence_seconds, max_jobs, event_limit, params, tag_id, created_at, updated_at)
      VALUES (?, 'CTOs', ?, 86400, ?, 50, '{"scrolls": 5}', ?, 0, 0)`, type.id, profileId, maxJobs, tagId).lastInsertRowid,
  );
  f.run('INSERT INTO source_urls (source_id, url, url_norm, next_run_at, created_at, updated_at) VALUES (?, ?, ?, 0, 0, 0)', source, PEOPLE, PEOPLE);
  return source;
}

const person = (slug: string, name: string, company: string | null, extraUrl = ''): ScrapedEvent => ({
  url: `https://www.linkedin.com/in/${slug}/${extraUrl}`,
  kind: 'search_row',
  title: name,
  text: null,
  publishedAt: null,
  lead: { fullName: name, headline: 'CTO at somewhere', linkedinUrl: `https://www.linkedin.com/in/${slug}`, ...(company ? { companyName: company } : {}) },
  company: null,
});

const output = (events: ScrapedEvent[], nextPageUrl: string | null) => ({ packVersion: 'linkedin-1', events, nextPageUrl, stoppedBecause: 'end_of_feed', scrolls: 2 });

describe('scrape job applier', () => {
  it('stores events once per normalised URL, upserts leads and companies with the job as provenance, tags new leads, counts, and pages within max jobs', async () => {
    const f = engineFixture();
    const changes: unknown[] = [];
    f.bus.subscribe((e) => e.name === 'jobs.changed' && changes.push(e.payload));
    const profile = addBrowserProfile(f.sqlite);
    const tag = Number(f.run("INSERT INTO tags (name, color, created_at, updated_at) VALUES ('ctos', '#aa00aa', 0, 0)").lastInsertRowid);
    const source = addSource(f, profile, 3, tag);
    // A lead already known: found again, not new, not tagged by the source.
    f.run("INSERT INTO leads (first_name, linkedin_url, linkedin_norm, created_at, updated_at) VALUES ('Old', 'https://linkedin.com/in/old', 'linkedin.com/in/old', 0, 0)");
    expect(new JobCreator(f.sqlite).create(f.clock.now())).toBe(1);

    const [first] = f.claim(profile);
    expect(first?.params).toMatchObject({ url: PEOPLE, page: 1, sourceId: source, params: { scrolls: 5, scrollDelaySeconds: 2, pageDelaySeconds: 20, eventLimit: 50 } });
    const page1 = [person('ada', 'Ada Lovelace', 'Analytical Engines Ltd'), person('grace', 'Grace Hopper', 'Analytical Engines'), person('old', 'Old Friend', null), person('ada', 'Ada again', null, '?trk=search')];
    expect(f.perform(profile, first!, output(page1, `${PEOPLE}&page=2`)).accepted).toBe(true);

    expect(f.all('SELECT url_norm, kind, job_id, lead_created FROM events ORDER BY id')).toEqual([
      { url_norm: 'linkedin.com/in/ada', kind: 'search_row', job_id: first!.recordId, lead_created: 1 },
      { url_norm: 'linkedin.com/in/grace', kind: 'search_row', job_id: first!.recordId, lead_created: 1 },
      { url_norm: 'linkedin.com/in/old', kind: 'search_row', job_id: first!.recordId, lead_created: 0 },
    ]);
    expect(f.get('SELECT events_seen, events_new, leads_new, companies_new, status FROM jobs WHERE id = ?', first!.recordId)).toEqual({
      events_seen: 4, events_new: 3, leads_new: 2, companies_new: 1, status: 'performed',
    });
    const ada = f.get("SELECT l.id, l.first_name, l.last_name, l.job_title, c.name AS company FROM leads l JOIN companies c ON c.id = l.company_id WHERE l.linkedin_norm = 'linkedin.com/in/ada'") as Record<string, unknown>;
    expect(ada).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', job_title: 'CTO at somewhere', company: expect.stringMatching(/^Analytical Engines/) });
    // Grace's "Analytical Engines" is the same company by name.
    expect(f.get('SELECT count(*) AS n FROM companies')).toEqual({ n: 1 });
    expect(f.get("SELECT source_kind, source_id FROM field_provenance WHERE target_kind = 'lead' AND target_id = ? AND field = 'job_title'", ada.id)).toEqual({ source_kind: 'scrape', source_id: first!.recordId });
    expect(f.all("SELECT target_id, created_by_kind, created_by_id FROM tag_links WHERE target_kind = 'lead' ORDER BY target_id")).toEqual([
      { target_id: ada.id, created_by_kind: 'scrape', created_by_id: first!.recordId },
      { target_id: (ada.id as number) + 1, created_by_kind: 'scrape', created_by_id: first!.recordId },
    ]);

    // The next page is a child job, due after the page delay.
    const child = f.get('SELECT id, page, parent_job_id, url, profile_id, due_at FROM jobs WHERE parent_job_id IS NOT NULL') as Record<string, number>;
    expect(child).toMatchObject({ page: 2, parent_job_id: first!.recordId, url: `${PEOPLE}&page=2`, profile_id: profile, due_at: f.clock.now() + 20_000 });
    expect(f.claim(profile)).toEqual([]);
    f.clock.advance(20_000);
    const [second] = f.claim(profile);
    // Page 2 sees Grace again (a later sighting only links the job) and one new person.
    f.perform(profile, second!, output([person('grace', 'Grace Hopper', null), person('alan', 'Alan Turing', null)], `${PEOPLE}&page=3`));
    expect(f.all('SELECT job_id, event_id FROM job_events WHERE job_id = ? ORDER BY event_id', second!.recordId)).toHaveLength(2);
    expect(f.get('SELECT events_seen, events_new, leads_new, companies_new FROM jobs WHERE id = ?', second!.recordId)).toEqual({ events_seen: 2, events_new: 1, leads_new: 1, companies_new: 0 });
    f.clock.advance(20_000);
    const [third] = f.claim(profile);
    expect(third?.params).toMatchObject({ page: 3 });
    f.perform(profile, third!, output([], `${PEOPLE}&page=4`));
    // Three jobs is the source's max for one run: no fourth page.
    expect(f.get('SELECT count(*) AS n, max(page) AS last FROM jobs')).toEqual({ n: 3, last: 3 });
    expect(f.get('SELECT last_run_at FROM source_urls')).toEqual({ last_run_at: f.clock.now() - 40_000 });
    expect(changes).toEqual([first, second, third].map((j) => ({ jobId: j!.recordId, sourceId: source, status: 'performed' })));
  });

  it('keeps at most the source event limit, and a failed job keeps its error and snapshot without events', async () => {
    const f = engineFixture({ retry: { baseMs: 1_000, maxMs: 1_000, jitter: 0 } });
    const profile = addBrowserProfile(f.sqlite);
    addSource(f, profile, 1, null);
    f.run('UPDATE sources SET event_limit = 2');
    new JobCreator(f.sqlite).create(f.clock.now());
    const [job] = f.claim(profile);
    f.perform(profile, job!, output([person('a', 'A', null), person('b', 'B', null), person('c', 'C', null)], `${PEOPLE}&page=2`));
    expect(f.get('SELECT events_seen, events_new FROM jobs')).toEqual({ events_seen: 2, events_new: 2 });
    expect(f.get('SELECT count(*) AS n FROM jobs')).toEqual({ n: 1 });

    f.run("UPDATE source_urls SET next_run_at = 0");
    f.clock.advance(86_400_000);
    new JobCreator(f.sqlite).create(f.clock.now());
    const [failing] = f.claim(profile);
    f.engine.complete(`worker-${profile}`, failing!.ticket, {
      outcome: 'failed', errorKind: 'permanent', errorText: 'the results list never appeared', effects: [], snapshot: { screenshot: '7-job.png', html: '7-job.html' },
    });
    expect(f.get('SELECT status, error_text, error_snapshot, events_seen FROM jobs WHERE id = ?', failing!.recordId)).toEqual({
      status: 'failed', error_text: 'the results list never appeared', error_snapshot: JSON.stringify({ screenshot: '7-job.png', html: '7-job.html' }), events_seen: 0,
    });
  });
});
