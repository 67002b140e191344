import type { Migration } from '../migration';

/**
 * The rule engine: how many trigger rows each rule has seen, and one row per completed rule instance (an add/remove
 * tag or enroll when performed; an outreach or enrichment when what it created is performed) so rules triggered by
 * another rule read completions by an id cursor like every other trigger.
 */
export const migration0021: Migration = {
  version: 21,
  name: 'rule-engine',
  sql: `
ALTER TABLE rules ADD COLUMN triggered_count INTEGER NOT NULL DEFAULT 0 CHECK (triggered_count >= 0);

CREATE TABLE rule_completions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id INTEGER NOT NULL REFERENCES rules (id),
  rule_instance_id INTEGER NOT NULL UNIQUE REFERENCES rule_instances (id),
  completed_at INTEGER NOT NULL
) STRICT;

CREATE INDEX rule_completions_rule ON rule_completions (rule_id, id);

CREATE TRIGGER outreach_rule_completion AFTER UPDATE OF status ON outreach
WHEN NEW.status = 'performed' AND OLD.status <> 'performed' AND NEW.rule_instance_id IS NOT NULL AND NEW.direction = 'outgoing'
BEGIN
  INSERT OR IGNORE INTO rule_completions (rule_id, rule_instance_id, completed_at)
  SELECT rule_id, id, NEW.updated_at FROM rule_instances WHERE id = NEW.rule_instance_id;
END;

CREATE TRIGGER enrichment_rule_completion AFTER UPDATE OF status ON enrichments
WHEN NEW.status = 'performed' AND OLD.status <> 'performed' AND NEW.rule_instance_id IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO rule_completions (rule_id, rule_instance_id, completed_at)
  SELECT rule_id, id, NEW.updated_at FROM rule_instances WHERE id = NEW.rule_instance_id;
END;
`,
};
