/** A presence choice as the filters take it. */
export type Presence = 'any' | 'yes' | 'no';

/** A list of SQL conditions AND-ed together, with their bound parameters in order. */
export class SqlConditions {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];

  /** Adds a condition whose `?` placeholders take `params`. */
  add(sql: string, ...params: unknown[]): void {
    this.parts.push(sql);
    this.params.push(...params);
  }

  /** yes = the column holds a non-empty value; no = it is NULL or empty. */
  presence(column: string, choice: Presence | undefined): void {
    if (choice === 'yes') this.add(`${column} <> ''`);
    else if (choice === 'no') this.add(`(${column} IS NULL OR ${column} = '')`);
  }

  /** The column equals one of the values, ASCII case-insensitively. */
  anyOfNoCase(column: string, values: readonly string[] | undefined): void {
    if (!values?.length) return;
    this.add(`${column} COLLATE NOCASE IN (${placeholders(values.length)})`, ...values);
  }

  /** The column contains at least one of the keywords (case-insensitive, `%`/`_` taken literally). */
  containsAny(column: string, keywords: readonly string[] | undefined): void {
    if (!keywords?.length) return;
    this.add(`(${keywords.map(() => `${column} LIKE ? ESCAPE '\\'`).join(' OR ')})`, ...keywords.map(likePattern));
  }

  /** The column contains none of the keywords; an empty column contains none. */
  containsNone(column: string, keywords: readonly string[] | undefined): void {
    if (!keywords?.length) return;
    this.add(`NOT (${keywords.map(() => `coalesce(${column}, '') LIKE ? ESCAPE '\\'`).join(' OR ')})`, ...keywords.map(likePattern));
  }

  /** min <= column <= max for each bound given; a NULL column fails any bound. */
  range(column: string, min: number | undefined, max: number | undefined): void {
    if (min !== undefined) this.add(`${column} >= ?`, min);
    if (max !== undefined) this.add(`${column} <= ?`, max);
  }

  /** Like `range` with ISO times compared as epoch milliseconds. */
  timeRange(column: string, from: string | undefined, to: string | undefined): void {
    this.range(column, from === undefined ? undefined : Date.parse(from), to === undefined ? undefined : Date.parse(to));
  }

  /** Tag include (any of) and exclude (none of, vetoing) on live tag links of `kind` rows with id `idColumn`. */
  tags(kind: 'lead' | 'company', idColumn: string, include: readonly number[] | undefined, exclude: readonly number[] | undefined): void {
    const linked = (n: number) =>
      `SELECT target_id FROM tag_links WHERE tag_id IN (${placeholders(n)}) AND target_kind = '${kind}' AND removed_at IS NULL`;
    if (include?.length) this.add(`${idColumn} IN (${linked(include.length)})`, ...include);
    if (exclude?.length) this.add(`${idColumn} NOT IN (${linked(exclude.length)})`, ...exclude);
  }

  /** The conditions as one WHERE expression. */
  toSql(): string {
    return this.parts.join(' AND ');
  }
}

/** `?, ?, ?` for n values. */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

const likePattern = (keyword: string): string => `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
