import type { Tag } from '../../shared/contract/schemas/tags';
import { call, on } from '../lib/call';
import { createResourceStore } from './resource-store';

/** Every live tag by name, shared by the filter pickers, the bulk bar and the detail panes. */
export const useTags = createResourceStore<readonly Tag[]>(() => call('tags.list', {}).then((r) => r.items));

/** Loads the tags now and again whenever they change; returns the unsubscribe function. */
export function followTags(): () => void {
  useTags.getState().reload();
  return on('tags.changed', () => useTags.getState().reload());
}
