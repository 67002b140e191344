import type { CompanySummary } from '../../../shared/contract/schemas/company-list';
import type { CompanySortField } from '../../stores/company-list-store';
import type { Column } from '../../components/virtual-table';
import { TagList } from '../../components/tag-list';
import { formatDate, formatDateTime } from '../../lib/format-time';

const count = (n: number | null): string => (n === null ? '' : n.toLocaleString());

/** The Companies table's columns, in order. */
export const companyColumns: readonly Column<CompanySummary, CompanySortField>[] = [
  { id: 'name', label: 'Name', width: '17%', sortField: 'name', className: 'strong', cell: (c) => c.name, title: (c) => c.name },
  { id: 'domain', label: 'Domain', width: '15%', sortField: 'domain', cell: (c) => c.domain, title: (c) => c.domain },
  { id: 'industry', label: 'Industry', width: '13%', sortField: 'industry', cell: (c) => c.industry, title: (c) => c.industry },
  { id: 'headcount', label: 'Headcount', width: '9%', sortField: 'headcount', firstDirection: 'desc', className: 'number', cell: (c) => count(c.headcount) },
  { id: 'revenue', label: 'Revenue', width: '10%', sortField: 'revenue', firstDirection: 'desc', className: 'number', cell: (c) => count(c.revenue) },
  { id: 'country', label: 'Country', width: '8%', sortField: 'country', cell: (c) => c.country, title: (c) => c.location ?? c.country },
  { id: 'leads', label: 'Leads', width: '6%', className: 'number', cell: (c) => count(c.leadCount) },
  { id: 'tags', label: 'Tags', width: '11%', cell: (c) => <TagList tags={c.tags} />, title: (c) => c.tags.map((t) => t.name).join(', ') || null },
  {
    id: 'added',
    label: 'Added',
    width: '11%',
    sortField: 'created',
    firstDirection: 'desc',
    className: 'nowrap',
    cell: (c) => <time dateTime={c.createdAt}>{formatDate(c.createdAt)}</time>,
    title: (c) => formatDateTime(c.createdAt),
  },
];
