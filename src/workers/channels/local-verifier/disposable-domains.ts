import domains from 'disposable-email-domains';

const disposable: ReadonlySet<string> = new Set(domains);

/** True when the domain (or a parent domain) is a known throwaway-mailbox provider. */
export function isDisposableDomain(domain: string): boolean {
  const labels = domain.toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++) if (disposable.has(labels.slice(i).join('.'))) return true;
  return false;
}
