/** Every area of the dashboard, in sidebar order, grouped under a sidebar heading. */
export const areas = [
  { id: 'overview', label: 'Overview', group: 'Data' },
  { id: 'leads', label: 'Leads', group: 'Data' },
  { id: 'companies', label: 'Companies', group: 'Data' },
  { id: 'imports', label: 'Imports', group: 'Data' },
  { id: 'sources', label: 'Sources', group: 'Data' },
  { id: 'jobs', label: 'Jobs', group: 'Data' },
  { id: 'rules', label: 'Rules', group: 'Outreach' },
  { id: 'sequences', label: 'Sequences', group: 'Outreach' },
  { id: 'approvals', label: 'Approvals', group: 'Outreach' },
  { id: 'suppression', label: 'Suppression', group: 'Outreach' },
  { id: 'outbox', label: 'Outbox', group: 'Outreach' },
  { id: 'inbox', label: 'Inbox', group: 'Outreach' },
  { id: 'profiles', label: 'Profiles', group: 'Setup' },
  { id: 'monitoring', label: 'Monitoring', group: 'Setup' },
  { id: 'tags', label: 'Tags & fields', group: 'Setup' },
  { id: 'settings', label: 'Settings', group: 'Setup' },
] as const;

/** One area of the dashboard. */
export type Area = (typeof areas)[number];

/** The id of an area, as it appears in the URL (`#/leads`). */
export type AreaId = Area['id'];

/** Where the dashboard opens when the URL names no known area. */
export const defaultArea: AreaId = 'overview';

/** The link to an area. */
export const hrefOf = (id: AreaId): string => `#/${id}`;

/** The area a location hash names (`#/settings`), or the default one. */
export function areaFromHash(hash: string): AreaId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return areas.find((a) => a.id === id)?.id ?? defaultArea;
}

/** The area with this id. */
export const areaById = (id: AreaId): Area => areas.find((a) => a.id === id) ?? areas[0];
