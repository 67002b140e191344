import { useEffect, useState } from 'react';
import type { Rule } from '../../../shared/contract/schemas/rules';
import { AsyncView } from '../../components/async-view';
import { Screen } from '../../components/screen';
import { call } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-live-refresh';
import { followTags } from '../../stores/tags-store';
import { RuleCard } from './rule-card';
import { RuleEditor } from './rule-editor';

/** The Rules area: rule cards with counters and a chart, and the editor for a new or changed rule. */
export function RulesScreen() {
  const rules = useAsync(() => call('rules.list', {}), []);
  const [editing, setEditing] = useState<Rule | 'new'>();
  const [version, setVersion] = useState(0);
  useEffect(() => followTags(), []);
  const refresh = () => {
    rules.reload();
    setVersion((v) => v + 1);
  };
  useLiveRefresh(['rules.changed', 'timeline.changed'], refresh);
  const items = rules.data?.items ?? [];
  return (
    <Screen title="Rules">
      {editing ? (
        <RuleEditor
          key={editing === 'new' ? 'new' : editing.id}
          rule={editing === 'new' ? undefined : editing}
          rules={items}
          onSaved={() => {
            setEditing(undefined);
            refresh();
          }}
          onCancel={() => setEditing(undefined)}
        />
      ) : (
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
            New rule
          </button>
        </div>
      )}
      <AsyncView state={rules} what="rules">
        {({ items: list }) =>
          list.length === 0 ? (
            <p className="muted">No rules yet.</p>
          ) : (
            <div className="panels">
              {list.map((rule) => (
                <RuleCard key={rule.id} rule={rule} version={version} onEdit={() => setEditing(rule)} onChanged={refresh} />
              ))}
            </div>
          )
        }
      </AsyncView>
    </Screen>
  );
}
