import { useId, type ReactNode } from 'react';

/** One titled part of a detail pane (Tags, Reminders, History…). */
export function DetailSection({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="detail-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {children}
    </section>
  );
}
