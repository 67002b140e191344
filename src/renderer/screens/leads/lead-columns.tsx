import type { LeadSort } from '../../../shared/contract/schemas/lead-filter';
import type { LeadSummary } from '../../../shared/contract/schemas/leads';
import type { Column } from '../../components/virtual-table';
import { TagList } from '../../components/tag-list';
import { formatDate, formatDateTime } from '../../lib/format-time';

const fullName = (lead: LeadSummary): string => [lead.firstName, lead.lastName].filter(Boolean).join(' ');

/** The Leads table's columns, in order. */
export const leadColumns: readonly Column<LeadSummary, LeadSort['field']>[] = [
  { id: 'name', label: 'Name', width: '15%', sortField: 'lastName', className: 'strong', cell: fullName, title: fullName },
  { id: 'title', label: 'Title', width: '18%', sortField: 'jobTitle', cell: (l) => l.jobTitle, title: (l) => l.jobTitle },
  { id: 'email', label: 'Email', width: '20%', sortField: 'email', cell: (l) => l.email, title: (l) => l.email },
  { id: 'company', label: 'Company', width: '15%', sortField: 'company', cell: (l) => l.companyName, title: (l) => l.companyName },
  { id: 'country', label: 'Country', width: '8%', sortField: 'country', cell: (l) => l.country, title: (l) => l.location ?? l.country },
  { id: 'tags', label: 'Tags', width: '13%', cell: (l) => <TagList tags={l.tags} />, title: (l) => l.tags.map((t) => t.name).join(', ') || null },
  {
    id: 'added',
    label: 'Added',
    width: '11%',
    sortField: 'created',
    firstDirection: 'desc',
    className: 'nowrap',
    cell: (l) => <time dateTime={l.createdAt}>{formatDate(l.createdAt)}</time>,
    title: (l) => formatDateTime(l.createdAt),
  },
];
