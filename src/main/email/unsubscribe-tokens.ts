import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';

/** The settings row holding this install's unsubscribe key (hex); settings.get never returns it (not a known setting). */
const KEY_SETTING = 'unsubscribeKey';

/** The outgoing message an unsubscribe token names. */
export interface UnsubscribeLink {
  readonly linkId: number;
  readonly outreachId: number;
}

/**
 * One-click unsubscribe tokens: HMAC-SHA256 of the outreach id under a random per-install key, 128 bits in hex, so
 * nobody can make one for a message they did not receive. Each token is also kept in `tracking_links` (hits are
 * recorded against it); a token is accepted only when it is stored and its HMAC checks out.
 */
export class UnsubscribeTokens {
  private key: Buffer | null = null;
  private readonly readKey: Statement<[string], { value: string }>;
  private readonly addKey: Statement<[string, string, number]>;
  private readonly link: Statement<[string], { id: number; outreach_id: number }>;
  private readonly linkOf: Statement<[number], { token: string }>;
  private readonly addLink: Statement<[number, string, number]>;

  constructor(sqlite: Database) {
    this.readKey = sqlite.prepare('SELECT value FROM settings WHERE key = ?');
    this.addKey = sqlite.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING');
    this.link = sqlite.prepare("SELECT id, outreach_id FROM tracking_links WHERE token = ? AND kind = 'unsubscribe'");
    this.linkOf = sqlite.prepare("SELECT token FROM tracking_links WHERE outreach_id = ? AND kind = 'unsubscribe' ORDER BY id LIMIT 1");
    this.addLink = sqlite.prepare("INSERT INTO tracking_links (outreach_id, token, kind, created_at) VALUES (?, ?, 'unsubscribe', ?)");
  }

  /** The token for an outgoing message, stored on first use (the same token on every later claim). */
  tokenFor(outreachId: number, now: number): string {
    const stored = this.linkOf.get(outreachId)?.token;
    if (stored) return stored;
    const token = this.sign(outreachId, now);
    this.addLink.run(outreachId, token, now);
    return token;
  }

  /** The message a token names, or null when it is not one we issued. */
  find(token: string, now: number): UnsubscribeLink | null {
    if (!/^[0-9a-f]{32}$/.test(token)) return null;
    const row = this.link.get(token);
    if (!row) return null;
    const expected = Buffer.from(this.sign(row.outreach_id, now), 'utf8');
    return timingSafeEqual(expected, Buffer.from(token, 'utf8')) ? { linkId: row.id, outreachId: row.outreach_id } : null;
  }

  private sign(outreachId: number, now: number): string {
    return createHmac('sha256', this.installKey(now)).update(`unsubscribe:${outreachId}`).digest('hex').slice(0, 32);
  }

  private installKey(now: number): Buffer {
    if (this.key) return this.key;
    this.addKey.run(KEY_SETTING, JSON.stringify(randomBytes(32).toString('hex')), now);
    const row = this.readKey.get(KEY_SETTING);
    if (!row) throw new Error('the unsubscribe key could not be stored');
    this.key = Buffer.from(JSON.parse(row.value) as string, 'hex');
    return this.key;
  }
}
