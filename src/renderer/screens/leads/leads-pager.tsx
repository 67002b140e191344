interface LeadsPagerProps {
  readonly pageNumber: number;
  readonly previous: (() => void) | undefined;
  readonly next: (() => void) | undefined;
}

/** Previous / Next buttons around the page number. */
export function LeadsPager({ pageNumber, previous, next }: LeadsPagerProps) {
  return (
    <div className="pager">
      <button type="button" className="button" onClick={previous} disabled={!previous}>
        Previous
      </button>
      <span className="muted">Page {pageNumber}</span>
      <button type="button" className="button" onClick={next} disabled={!next}>
        Next
      </button>
    </div>
  );
}
