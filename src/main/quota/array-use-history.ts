import type { UseHistory } from './use-history';

/** Index of the first element greater than `after` in an ascending array. */
function firstAfter(sorted: readonly number[], after: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function nth(sorted: readonly number[], after: number, index: number): number {
  const at = sorted[firstAfter(sorted, after) + index];
  if (at === undefined) throw new Error(`no use #${index} after ${after}`);
  return at;
}

/** Uses held in memory for one (profile, action) and one recipient domain; planning appends the uses it simulates. */
export class ArrayUseHistory implements UseHistory {
  /**
   * @param uses the action's uses, ascending, at least those inside the longest span a rule looks back
   * @param latest the latest use of the action even if older than `uses` reach
   */
  constructor(
    private readonly uses: number[],
    private latest: number | null,
    private readonly domain: string | null,
    private readonly domainUses: number[],
  ) {}

  /** Adds a use to the action (and to the domain, if the history has one), keeping both lists ascending. */
  add(at: number): void {
    this.uses.splice(firstAfter(this.uses, at), 0, at);
    this.latest = this.latest === null ? at : Math.max(this.latest, at);
    if (this.domain !== null) this.domainUses.splice(firstAfter(this.domainUses, at), 0, at);
  }

  countAfter(after: number): number {
    return this.uses.length - firstAfter(this.uses, after);
  }

  nthAfter(after: number, index: number): number {
    return nth(this.uses, after, index);
  }

  last(): number | null {
    return this.latest;
  }

  domainCountAfter(domain: string, after: number): number {
    return domain === this.domain ? this.domainUses.length - firstAfter(this.domainUses, after) : 0;
  }

  domainNthAfter(_domain: string, after: number, index: number): number {
    return nth(this.domainUses, after, index);
  }
}
