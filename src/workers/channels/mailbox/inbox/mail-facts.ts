import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';

/** What the classifier looks at in one message; plain data so classification stays a pure function. */
export interface MailFacts {
  /** Lower-case header name -> unfolded raw value of its first occurrence. */
  readonly headers: ReadonlyMap<string, string>;
  readonly fromAddress: string | null;
  readonly fromName: string;
  readonly to: readonly string[];
  readonly subject: string;
  /** The plain text (converted from HTML when there is no plain part). */
  readonly text: string;
  /** The text of a message/delivery-status part (RFC 3464), if any. */
  readonly deliveryStatus: string | null;
  /** The raw source after the top header block: bounces quote the original headers there. */
  readonly body: string;
}

/** A parsed message: the classifier's facts plus the threading headers. */
export interface ReadMail {
  readonly facts: MailFacts;
  readonly messageId: string | null;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  readonly date: number | null;
}

const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((object) => object.value)
    .flatMap((entry) => (entry.group ? entry.group : [entry]))
    .flatMap((entry) => (entry.address ? [entry.address.toLowerCase()] : []));

function headerMap(parsed: ParsedMail): Map<string, string> {
  const map = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) {
    if (map.has(key)) continue;
    const unfolded = line.replace(/\r?\n[ \t]+/g, ' ');
    map.set(key, unfolded.slice(unfolded.indexOf(':') + 1).trim());
  }
  return map;
}

function bodyOf(source: Buffer): string {
  const raw = source.toString('utf8');
  const end = raw.search(/\r?\n\r?\n/);
  return end < 0 ? '' : raw.slice(end).trim();
}

const references = (value: string | string[] | undefined): string[] => (Array.isArray(value) ? value : value ? value.split(/\s+/) : []).filter((ref) => ref !== '');

/** Parses a raw message (mailparser) into the classifier's facts and its threading headers. */
export async function readMail(source: Buffer): Promise<ReadMail> {
  const parsed = await simpleParser(source, { keepDeliveryStatus: true, skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const status = parsed.attachments.find((part) => part.contentType === 'message/delivery-status');
  const from = parsed.from?.value[0];
  return {
    facts: {
      headers: headerMap(parsed),
      fromAddress: from?.address?.toLowerCase() ?? null,
      fromName: from?.name ?? '',
      to: addresses(parsed.to),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      deliveryStatus: status ? status.content.toString('utf8') : null,
      body: bodyOf(source),
    },
    messageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo?.split(/\s+/)[0] ?? null,
    references: references(parsed.references),
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.getTime() : null,
  };
}
