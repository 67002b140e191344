import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ingestFile } from '../../../src/main/imports/ingest-file';
import { StagedRowMerger } from '../../../src/main/imports/merge-staged-rows';
import { liveCustomFields } from '../../../src/main/leads/custom-field-defs';
import { undoImport } from '../../../src/main/leads/undo';
import { suggestMapping } from '../../../src/shared/import/column-presets';
import { openStore, type Store } from '../../../src/main/store/store';
import { tempDir } from '../../helpers/temp-dir';

const APOLLO_HEADER = 'First Name,Last Name,Title,Company,Email,Person Linkedin Url,Website,# Employees,Country';

interface Counters {
  status: string;
  rows_staged: number;
  rows_inserted: number;
  rows_merged: number;
  rows_duplicate: number;
  rows_rejected: number;
}

function setup(): { store: Store; dir: string; now: () => number } {
  const dir = tempDir();
  const store = openStore(join(dir, 'outpost.sqlite'));
  onTestFinished(() => store.close());
  let t = Date.UTC(2026, 10, 23);
  return { store, dir, now: () => ++t };
}

/** Writes the file, creates the import with the mapping the header suggests, ingests and merges it all. */
async function importFile(store: Store, dir: string, now: () => number, name: string, content: string | Buffer, tagId: number | null = null, batch = 500) {
  const file = join(dir, name);
  writeFileSync(file, content);
  const header = (typeof content === 'string' ? content : iconv.decode(content, 'win1252')).split(/\r?\n/)[0] ?? '';
  const { mapping } = suggestMapping(header.split(/[,;]/), liveCustomFields(store.sqlite));
  const id = Number(
    store.sqlite
      .prepare("INSERT INTO imports (origin, file_name, file_path, file_size, options, mapping, tag_id, created_at, updated_at) VALUES ('file', ?, ?, ?, '{}', ?, ?, 0, 0)")
      .run(name, file, statSync(file).size, JSON.stringify(mapping), tagId).lastInsertRowid,
  );
  await ingestFile(store.sqlite, id, { now });
  const merger = new StagedRowMerger(store.sqlite, now);
  while (!merger.mergeBatch(id, batch).done);
  return id;
}

const counters = (store: Store, id: number) =>
  store.sqlite.prepare('SELECT status, rows_staged, rows_inserted, rows_merged, rows_duplicate, rows_rejected FROM imports WHERE id = ?').get(id) as Counters;

const liveLeads = (store: Store) =>
  store.sqlite.prepare('SELECT first_name, last_name, job_title, email, linkedin_norm, company_id FROM leads WHERE deleted_at IS NULL ORDER BY id').all() as Record<string, unknown>[];

describe('import pipeline: staged rows merged into leads', () => {
  it('imports an Apollo export: dedups within the file, links companies, rejects unusable rows with their line', async () => {
    const { store, dir, now } = setup();
    const csv = [
      APOLLO_HEADER,
      'Ada,Lovelace,CTO,Analytical Engines,ada@engines.io,https://www.linkedin.com/in/ada/,https://www.engines.io,"1,200",GB',
      'Grace,Hopper,Admiral,Navy,grace@navy.mil,,navy.mil,50000,US',
      ',,,,,,,,',
      ',,Nobody,,,,,,FR',
      'ADA,Lovelace,Countess,Analytical Engines,ADA@Engines.io,,,,GB',
    ].join('\n');
    const id = await importFile(store, dir, now, 'apollo.csv', csv);
    expect(counters(store, id)).toMatchObject({ rows_inserted: 2, rows_merged: 0, rows_duplicate: 1, rows_rejected: 1 });
    const reason = store.sqlite.prepare("SELECT reason FROM import_rows WHERE import_id = ? AND outcome = 'rejected'").get(id) as { reason: string };
    expect(reason.reason).toBe('line 5: no email, LinkedIn URL, Facebook URL or name');
    const leads = liveLeads(store);
    expect(leads).toHaveLength(2);
    expect(leads[0]).toMatchObject({ email: 'ada@engines.io', job_title: 'Countess', linkedin_norm: 'linkedin.com/in/ada' });
    const company = store.sqlite.prepare('SELECT name, domain, headcount FROM companies WHERE id = ?').get(leads[0]?.company_id) as Record<string, unknown>;
    expect(company).toEqual({ name: 'Analytical Engines', domain: 'engines.io', headcount: 1200 });
  });

  it('re-importing a file enriches leads and never blanks them; undo restores the earlier state exactly', async () => {
    const { store, dir, now } = setup();
    await importFile(store, dir, now, 'first.csv', `${APOLLO_HEADER}\nAda,Lovelace,CTO,Engines,ada@engines.io,,,,GB\n`);
    const before = liveLeads(store);
    const second = await importFile(store, dir, now, 'second.csv', 'Email,Title,LinkedIn,First Name\nada@engines.io,Chief Scientist,linkedin.com/in/ada-l,\nnew@x.io,,,Neo\n');
    expect(counters(store, second)).toMatchObject({ rows_inserted: 1, rows_merged: 1 });
    const after = liveLeads(store);
    expect(after[0]).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', job_title: 'Chief Scientist', linkedin_norm: 'linkedin.com/in/ada-l' });
    undoImport(store.sqlite, second, now);
    expect(liveLeads(store)).toEqual(before);
  });

  it('tags every imported lead and undo removes the tags it added', async () => {
    const { store, dir, now } = setup();
    const tagId = Number(store.sqlite.prepare("INSERT INTO tags (name, color, created_at, updated_at) VALUES ('Webinar', '#2457d6', 0, 0)").run().lastInsertRowid);
    const id = await importFile(store, dir, now, 'tagged.csv', 'Email,First Name\na@x.io,A\nb@x.io,B\na@x.io,A\n', tagId);
    const tagged = () => (store.sqlite.prepare('SELECT count(*) AS n FROM tag_links WHERE tag_id = ? AND removed_at IS NULL').get(tagId) as { n: number }).n;
    expect(tagged()).toBe(2);
    undoImport(store.sqlite, id, now);
    expect(tagged()).toBe(0);
    expect(liveLeads(store)).toEqual([]);
  });

  it('resumes after a crash between batches without losing or repeating a row', async () => {
    const { store, dir, now } = setup();
    const rows = Array.from({ length: 2500 }, (_, i) => `person${i}@corp${i % 40}.com,First${i},Last${i}`);
    rows.splice(1200, 0, 'person5@corp5.com,Again,Dup');
    const file = join(dir, 'big.csv');
    writeFileSync(file, `Email,First Name,Last Name\n${rows.join('\n')}\n`);
    const mapping = suggestMapping(['Email', 'First Name', 'Last Name']).mapping;
    const id = Number(
      store.sqlite
        .prepare("INSERT INTO imports (origin, file_name, file_path, file_size, options, mapping, created_at, updated_at) VALUES ('file', 'big.csv', ?, ?, '{}', ?, 0, 0)")
        .run(file, statSync(file).size, JSON.stringify(mapping)).lastInsertRowid,
    );
    await ingestFile(store.sqlite, id, { now });
    new StagedRowMerger(store.sqlite, now).mergeBatch(id, 700);
    // A new merger stands for the app after a restart: only the database carries the position.
    const restarted = new StagedRowMerger(store.sqlite, now);
    while (!restarted.mergeBatch(id, 700).done);
    expect(counters(store, id)).toMatchObject({ rows_staged: 2501, rows_inserted: 2500, rows_duplicate: 1, rows_rejected: 0 });
    const pending = store.sqlite.prepare("SELECT count(*) AS n FROM import_rows WHERE import_id = ? AND outcome = 'pending'").get(id) as { n: number };
    expect(pending.n).toBe(0);
    expect(liveLeads(store)).toHaveLength(2500);
  });

  it('reads a Windows-1252 Excel export (semicolons, CRLF) with accented names intact', async () => {
    const { store, dir, now } = setup();
    const bytes = iconv.encode('First Name;Last Name;Email\r\nJürgen;Müller;jm@firma.de\r\nZoë;Brontë;zb@x.io\r\n', 'win1252');
    const id = await importFile(store, dir, now, 'excel.csv', bytes);
    expect(counters(store, id)).toMatchObject({ rows_inserted: 2 });
    expect(liveLeads(store).map((l) => `${l.first_name} ${l.last_name}`)).toEqual(['Jürgen Müller', 'Zoë Brontë']);
  });

  it('rejects each bad row with its line and a reason naming the column, and imports the rest', async () => {
    const { store, dir, now } = setup();
    store.sqlite.prepare("INSERT INTO custom_fields (target_kind, name, type, created_at, updated_at) VALUES ('lead', 'Seats', 'integer', 0, 0)").run();
    const csv = [
      'Email,First Name,LinkedIn,Seats,Website',
      'ada@x.io,Ada,linkedin.com/in/ada,"1,200",x.io',
      'bob@,Bob,,,',
      'carol@x.io,Carol,https://example.com/in/carol,,',
      'dan@x.io,Dan,,ten,',
      'erin@x.io,Erin,,,not a site',
      'fay@x.io,Fay',
      'gus@x.io,Gus,,,,extra',
      '"hal@x.io,Hal,,,',
    ].join('\n');
    const id = await importFile(store, dir, now, 'bad.csv', csv);
    const rejected = store.sqlite.prepare("SELECT reason FROM import_rows WHERE import_id = ? AND outcome = 'rejected' ORDER BY line").all(id);
    expect(rejected).toEqual([
      { reason: 'line 3: column "Email": "bob@" is not an e-mail address' },
      { reason: 'line 4: column "LinkedIn": "https://example.com/in/carol" is not a LinkedIn profile or company URL' },
      { reason: 'line 5: column "Seats" (custom field "Seats", integer): "ten" is not a whole number' },
      { reason: 'line 6: column "Website": "not a site" is not a web address or domain' },
      { reason: 'line 7: 2 cells, expected 5' },
      { reason: 'line 8: 6 cells, expected 5' },
      { reason: 'line 9: Quoted field unterminated' },
    ]);
    expect(counters(store, id)).toMatchObject({ status: 'importing', rows_staged: 8, rows_inserted: 1, rows_rejected: 7 });
    const ada = store.sqlite.prepare("SELECT v.value FROM custom_field_values v JOIN leads l ON l.id = v.target_id WHERE l.email = 'ada@x.io'").get();
    expect(ada).toEqual({ value: 1200 });
  });

  it('names a column by its position in a file without a header row', async () => {
    const { store, dir, now } = setup();
    const file = join(dir, 'plain.csv');
    writeFileSync(file, 'ada@x.io,Ada\nbob@,Bob\n');
    const imp = store.sqlite
      .prepare("INSERT INTO imports (origin, file_name, file_path, file_size, options, mapping, created_at, updated_at) VALUES ('file', 'plain.csv', ?, ?, ?, ?, 0, 0)")
      .run(file, statSync(file).size, JSON.stringify({ header: false }), JSON.stringify(['email', 'firstName']));
    const id = Number(imp.lastInsertRowid);
    await ingestFile(store.sqlite, id, { now });
    new StagedRowMerger(store.sqlite, now).mergeBatch(id);
    const rejected = store.sqlite.prepare("SELECT reason FROM import_rows WHERE import_id = ? AND outcome = 'rejected'").all(id);
    expect(rejected).toEqual([{ reason: 'line 2: column 1: "bob@" is not an e-mail address' }]);
  });

  it('imports a Sales Navigator export with both LinkedIn forms and matches a later file giving only the member id', async () => {
    const { store, dir, now } = setup();
    const member = 'ACwAAAAWjRMBtsJzBD5G7ZdxgmYLYq7cxTU6I9A';
    await importFile(store, dir, now, 'nav.csv', `First Name,Last Name,Profile Url,Sales Navigator Url\nAda,Lovelace,https://www.linkedin.com/in/ada/,"https://www.linkedin.com/sales/lead/${member},NAME_SEARCH,x"\n`);
    const second = await importFile(store, dir, now, 'ids.csv', `LinkedIn,Title\nhttps://www.linkedin.com/in/${member}/,Countess\n`);
    expect(counters(store, second)).toMatchObject({ rows_inserted: 0, rows_merged: 1 });
    expect(store.sqlite.prepare('SELECT linkedin_norm, linkedin_alt_url, job_title FROM leads').all()).toEqual([
      { linkedin_norm: 'linkedin.com/in/ada', linkedin_alt_url: `linkedin.com/in/${member.toLowerCase()}`, job_title: 'Countess' },
    ]);
  });
});
