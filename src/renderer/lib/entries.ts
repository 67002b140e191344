/** `Object.entries` keeping the key type of a record with known keys. */
export const entriesOf = <K extends string, V>(record: Record<K, V>): [K, V][] => Object.entries(record) as [K, V][];
