/** DNS error codes meaning "no such record / no such name" rather than "could not ask". */
const ABSENT = new Set(['ENODATA', 'ENOTFOUND', 'NOTFOUND', 'ENONAME']);

/** The answers of a DNS lookup, or none when the name or the record type does not exist; other failures still throw. */
export async function emptyWhenAbsent<T>(lookup: Promise<T[]>): Promise<T[]> {
  try {
    return await lookup;
  } catch (error) {
    if (ABSENT.has((error as { code?: string }).code ?? '')) return [];
    throw error;
  }
}
