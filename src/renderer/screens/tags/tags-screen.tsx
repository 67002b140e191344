import { useEffect } from 'react';
import { AsyncView } from '../../components/async-view';
import { Panel } from '../../components/panel';
import { Screen } from '../../components/screen';
import { call } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { followTags, useTags } from '../../stores/tags-store';
import { CustomFieldsList } from './custom-fields-list';
import { NewCustomFieldForm } from './new-custom-field-form';
import { NewTagForm } from './new-tag-form';
import { TagsTable } from './tags-table';

/** The Tags & fields area: the tag catalogue (colours, counts, rename, delete) and the custom fields of leads and companies. */
export function TagsScreen() {
  const tags = useTags();
  const fields = useAsync(() => call('customFields.list', {}), []);
  useEffect(() => followTags(), []);

  return (
    <Screen title="Tags & fields">
      <div className="panels">
        <Panel title="Tags">
          <NewTagForm />
          <AsyncView state={tags} what="tags">
            {(items) => <TagsTable tags={items} />}
          </AsyncView>
        </Panel>
        <Panel title="Custom fields">
          <NewCustomFieldForm onCreated={fields.reload} />
          <AsyncView state={fields} what="custom fields">
            {({ items }) => (
              <>
                <CustomFieldsList title="On leads" fields={items.filter((f) => f.targetKind === 'lead')} onDeleted={fields.reload} />
                <CustomFieldsList title="On companies" fields={items.filter((f) => f.targetKind === 'company')} onDeleted={fields.reload} />
              </>
            )}
          </AsyncView>
        </Panel>
      </div>
    </Screen>
  );
}
