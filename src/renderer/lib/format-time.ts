const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO time as a short local date ("12 Mar 2025"). */
export const formatDate = (iso: string): string => dateFormat.format(new Date(iso));

/** An ISO time as a local date and time. */
export const formatDateTime = (iso: string): string => dateTimeFormat.format(new Date(iso));
