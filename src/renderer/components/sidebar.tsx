import { areas, hrefOf, type Area, type AreaId } from '../routing/areas';

interface SidebarProps {
  readonly current: AreaId;
}

const groups = [...new Set(areas.map((a) => a.group))];
const areasIn = (group: Area['group']): readonly Area[] => areas.filter((a) => a.group === group);

/** The main navigation: one link per area, the current one marked for assistive technology and styled. */
export function Sidebar({ current }: SidebarProps) {
  return (
    <nav className="sidebar" aria-label="Main">
      {groups.map((group) => (
        <div key={group} className="nav-group">
          <p className="nav-group-title" aria-hidden="true">
            {group}
          </p>
          <ul>
            {areasIn(group).map((area) => (
              <li key={area.id}>
                <a className="nav-link" href={hrefOf(area.id)} aria-current={area.id === current ? 'page' : undefined}>
                  {area.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
