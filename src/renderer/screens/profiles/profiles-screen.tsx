import { useMemo, useState } from 'react';
import type { ProfileRecord } from '../../../shared/contract/schemas/profiles';
import { AsyncView } from '../../components/async-view';
import { Panel } from '../../components/panel';
import { Screen } from '../../components/screen';
import { call } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { ProfileForm } from './profile-form';
import { ProfilesTable } from './profiles-table';
import { useProfiles } from './use-profiles';
import './profiles.css';

type Editor = { readonly kind: 'closed' } | { readonly kind: 'new' } | { readonly kind: 'edit'; readonly profile: ProfileRecord };

/** The Profiles area: every connected account with its live worker state, quotas and controls, and the add/edit form. */
export function ProfilesScreen() {
  const { profiles, usage } = useProfiles();
  const catalogue = useAsync(() => call('catalogue.list', {}), []);
  const [editor, setEditor] = useState<Editor>({ kind: 'closed' });
  const typeNames = useMemo(() => new Map((catalogue.data?.profileTypes ?? []).map((t) => [t.code, t.name])), [catalogue.data]);

  const done = (): void => {
    setEditor({ kind: 'closed' });
    profiles.reload();
  };

  return (
    <Screen title="Profiles">
      <div className="panel-stack">
        <Panel title="Profiles">
          <AsyncView state={profiles} what="profiles">
            {(items) => (
              <ProfilesTable
                profiles={items}
                typeNames={typeNames}
                usage={usage.data}
                usageFailed={usage.error !== undefined}
                onEdit={(profile) => setEditor({ kind: 'edit', profile })}
                onDeleted={profiles.reload}
              />
            )}
          </AsyncView>
          {editor.kind === 'closed' && (
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={() => setEditor({ kind: 'new' })}>
                Add profile
              </button>
            </div>
          )}
        </Panel>
        {editor.kind !== 'closed' && (
          <Panel title={editor.kind === 'edit' ? `Edit ${editor.profile.name}` : 'Add a profile'}>
            <AsyncView state={catalogue} what="the catalogue">
              {({ profileTypes }) => (
                <ProfileForm
                  key={editor.kind === 'edit' ? editor.profile.id : 'new'}
                  types={profileTypes}
                  editing={editor.kind === 'edit' ? editor.profile : undefined}
                  onDone={done}
                />
              )}
            </AsyncView>
          </Panel>
        )}
      </div>
    </Screen>
  );
}
