import { useId, type ReactNode } from 'react';

interface ScreenProps {
  readonly title: string;
  readonly children: ReactNode;
}

/** The frame of one area: its heading and its content. */
export function Screen({ title, children }: ScreenProps) {
  const headingId = useId();
  return (
    <section className="screen" aria-labelledby={headingId}>
      <h1 id={headingId}>{title}</h1>
      {children}
    </section>
  );
}
