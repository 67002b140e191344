/** Deterministic lead-like rows for benchmarks (no faker: the same rows every run). */
export function fakeLeadRows(count: number): { first: string; last: string; email: string; title: string; country: string }[] {
  const firsts = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken'];
  const lasts = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson'];
  return Array.from({ length: count }, (_, i) => {
    const first = firsts[i % firsts.length] as string;
    const last = lasts[(i * 7) % lasts.length] as string;
    return { first, last, email: `${first}.${last}.${i}@example${i % 97}.com`.toLowerCase(), title: 'Head of Sales', country: 'FR' };
  });
}
