import emailAddresses from 'email-addresses';

/** An address split into its parts, lower-cased domain. */
export interface ParsedAddress {
  readonly address: string;
  readonly local: string;
  readonly domain: string;
}

// RFC 5322 dot-atom local part: what nearly every real address uses, and exactly what the full parser accepts unquoted.
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

// RFC 5321 sub-domain: letters, digits and inner hyphens (non-ASCII letters allowed for internationalised names).
const LABEL = /^(?!-)[a-z0-9\u0080-\uffff-]{1,63}(?<!-)$/;

/**
 * Parses a bare address (RFC 5322 addr-spec, no display name, no obsolete forms) and applies the RFC 5321 limits
 * (64-octet local part, 254-octet path, host-name labels); null when it is not a deliverable address form.
 */
export function parseAddress(input: string): ParsedAddress | null {
  const trimmed = input.trim();
  const at = trimmed.lastIndexOf('@');
  const simple = at > 0 && DOT_ATOM.test(trimmed.slice(0, at)) ? checked(trimmed.slice(0, at), trimmed.slice(at + 1), trimmed) : undefined;
  if (simple !== undefined) return simple;
  // Quoted local parts, comments and the like: the full RFC 5322 parser decides.
  const parsed = emailAddresses({ input: trimmed, startAt: 'address', rejectTLD: true, strict: true, rfc6532: true });
  const mailbox = parsed?.addresses.length === 1 ? parsed.addresses[0] : undefined;
  if (!mailbox || mailbox.type !== 'mailbox' || mailbox.name !== null) return null;
  return checked(trimmed.slice(0, at), mailbox.domain, trimmed) ?? null;
}

/** The address when the RFC 5321 limits hold (64-octet local part, 254-octet path, host-name labels), else undefined. */
function checked(local: string, rawDomain: string, whole: string): ParsedAddress | undefined {
  const domain = rawDomain.toLowerCase();
  const labels = domain.split('.');
  if (local.length > 64 || whole.length > 254 || labels.length < 2 || !labels.every((l) => LABEL.test(l))) return undefined;
  return { address: `${local}@${domain}`, local, domain };
}
