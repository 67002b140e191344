import { lookupMailRoute, type MailResolver, type MailRoute } from './mail-route';

// Past this many domains, expired entries are swept before another is added.
const MAX_ENTRIES = 50_000;

interface Entry {
  readonly expiresAt: number;
  readonly route: Promise<MailRoute>;
}

/** Mail routes per domain for a while, so many addresses at one domain cost one lookup; concurrent asks share it, failures are not kept. */
export class RouteCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly resolver: MailResolver,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The domain's mail route, from the cache while it is fresh. */
  get(domain: string): Promise<MailRoute> {
    const at = this.now();
    const cached = this.entries.get(domain);
    if (cached && cached.expiresAt > at) return cached.route;
    if (this.entries.size >= MAX_ENTRIES) this.prune(at);
    const route = lookupMailRoute(this.resolver, domain);
    this.entries.set(domain, { expiresAt: at + this.ttlMs, route });
    route.catch(() => {
      if (this.entries.get(domain)?.route === route) this.entries.delete(domain);
    });
    return route;
  }

  private prune(at: number): void {
    for (const [domain, entry] of this.entries) if (entry.expiresAt <= at) this.entries.delete(domain);
  }
}
