import { describe, expect, it } from 'vitest';
import { ruleFixture } from './rule-fixture';

describe('rule actions', () => {
  it('enrolls leads in a sequence through enrollLeads, linking the instance; a lead enrolled before is refused by policy', async () => {
    const f = ruleFixture();
    const sequence = Number(f.db.prepare("INSERT INTO sequences (name, status, created_at, updated_at) VALUES ('s', 'active', 0, 0)").run().lastInsertRowid);
    f.db.prepare("INSERT INTO sequence_steps (sequence_id, position, outreach_type_id, created_at, updated_at) SELECT ?, 1, id, 0, 0 FROM outreach_types WHERE code = 'email'").run(sequence);
    const [a, b] = [f.lead(), f.lead()];
    f.db.prepare("INSERT INTO enrollments (sequence_id, lead_id, status, stop_reason, created_at, updated_at) VALUES (?, ?, 'stopped', 'operator', 0, 0)").run(sequence, b);
    const rule = f.create({ name: 'enroll', trigger: { kind: 'lead_created' }, action: { kind: 'enroll', sequenceId: sequence }, applyToPrevious: true });
    await f.pass();
    const [first, second] = f.instances(rule.id);
    expect(first).toMatchObject({ target_id: a, status: 'performed' });
    expect(second).toMatchObject({ target_id: b, status: 'aborted', error_text: 'enrollment refused: already_enrolled' });
    expect(f.db.prepare("SELECT lead_id, rule_instance_id FROM enrollments WHERE status = 'active'").all()).toEqual([{ lead_id: a, rule_instance_id: first?.id }]);
  });

  it('requests enrichments (pending or auto-approved) for the lead, or for its company when the type is about companies', async () => {
    const f = ruleFixture();
    const company = f.company({ name: 'Initech', domain: 'initech.test' });
    const lead = f.lead({ company_id: company });
    const tag = f.tag('asked');
    const verify = f.create({ name: 'verify', trigger: { kind: 'lead_created' }, action: { kind: 'enrichment', typeCode: 'verify_email', tagId: tag, autoApprove: true }, applyToPrevious: true });
    const colleagues = f.create({ name: 'colleagues', trigger: { kind: 'lead_created' }, action: { kind: 'enrichment', typeCode: 'find_company_leads', params: { limit: 5 } }, applyToPrevious: true });
    await f.pass();
    const rows = f.db.prepare('SELECT lead_id, company_id, params, approval, rule_instance_id FROM enrichments ORDER BY id').all();
    expect(rows).toEqual([
      { lead_id: lead, company_id: null, params: '{}', approval: 'auto', rule_instance_id: f.instances(verify.id)[0]?.id },
      { lead_id: null, company_id: company, params: '{"limit":5}', approval: 'pending', rule_instance_id: f.instances(colleagues.id)[0]?.id },
    ]);
    expect(f.db.prepare("SELECT count(*) FROM tag_links WHERE target_kind = 'enrichment' AND tag_id = ?").pluck().get(tag)).toBe(1);
    // the enrichment's completion fires a rule that follows it
    const after = f.create({ name: 'after', trigger: { kind: 'rule_performed', ruleId: verify.id }, action: { kind: 'add_tag', tagId: tag } });
    f.db.prepare("UPDATE enrichments SET status = 'performed', finished_at = 1, updated_at = 1 WHERE lead_id = ?").run(lead);
    await f.pass();
    expect(f.instances(after.id)).toMatchObject([{ target_id: lead, status: 'performed' }]);
  });

  it('removes a tag, recording the rule instance as what removed it', async () => {
    const f = ruleFixture();
    const [hot, cold] = [f.tag('hot'), f.tag('cold')];
    const lead = f.lead();
    f.tagLead(hot, lead);
    const rule = f.create({ name: 'cool down', trigger: { kind: 'tag_added', tagId: cold }, action: { kind: 'remove_tag', tagId: hot } });
    f.tagLead(cold, lead);
    await f.pass();
    expect(f.tagsOf('lead', lead)).toEqual([cold]);
    const instance = f.instances(rule.id)[0];
    expect(f.db.prepare('SELECT removed_by_kind, removed_by_id FROM tag_links WHERE tag_id = ?').get(hot)).toEqual({ removed_by_kind: 'rule', removed_by_id: instance?.id });
  });
});
