/** The uses one (profile, action) check needs to see; SQL-backed for checks, in memory for planning. */
export interface UseHistory {
  /** Uses of the action after `after` (exclusive). */
  countAfter(after: number): number;
  /** The time of the `index`-th oldest (0-based) use of the action after `after`. */
  nthAfter(after: number, index: number): number;
  /** The latest use of the action, or null. */
  last(): number | null;
  /** Uses by the profile to this recipient domain after `after`, any action. */
  domainCountAfter(domain: string, after: number): number;
  /** The time of the `index`-th oldest (0-based) use to this domain after `after`. */
  domainNthAfter(domain: string, after: number, index: number): number;
}
