import { randomBytes } from 'node:crypto';
import { isIP, createConnection, type Socket } from 'node:net';

/** How a recipient fared at RCPT TO: 2xx accepted, 5xx rejected, anything else (4xx greylisting, no connection) unknown. */
export type RcptAnswer = 'accepted' | 'rejected' | 'unknown';

/** What the probe learnt from the domain's mail server. */
export interface ProbeResult {
  readonly host: string;
  readonly recipient: RcptAnswer;
  /** The server also accepted a made-up address at the domain (true), refused it (false), or was not asked (null). */
  readonly catchAll: boolean | null;
  /** The server's last reply, or why the probe could not finish. */
  readonly reply: string;
}

/** How the probe talks to mail servers. */
export interface ProbeOptions {
  readonly port: number;
  readonly heloName: string;
  /** The envelope sender; empty = the null sender `<>`. */
  readonly mailFrom: string;
  readonly timeoutMs: number;
  /** Resolves an MX host name to an address (the profile's resolver, so tests and custom DNS servers apply). */
  readonly addressOf: (host: string) => Promise<string>;
}

interface Reply {
  readonly code: number;
  readonly text: string;
}

/** A minimal SMTP client session: one reply per command, multi-line replies joined. */
class SmtpDialog {
  private buffer = '';
  private waiting: ((reply: Reply) => void) | null = null;
  private failure: Error | null = null;
  private failed: ((error: Error) => void) | null = null;

  constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.deliver();
    });
    const fail = (error: Error) => {
      this.failure = error;
      this.failed?.(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('the server closed the connection')));
  }

  /** The next complete reply (the greeting first). */
  reply(): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failed = reject;
      this.deliver();
    });
  }

  async command(line: string): Promise<Reply> {
    this.socket.write(`${line}\r\n`);
    return this.reply();
  }

  private deliver(): void {
    if (!this.waiting) return;
    const lines = this.buffer.split('\r\n');
    const last = lines.findIndex((line) => /^\d{3}(?: |$)/.test(line));
    if (last < 0 || last === lines.length - 1) return;
    const taken = lines.slice(0, last + 1);
    this.buffer = lines.slice(last + 1).join('\r\n');
    const resolve = this.waiting;
    this.waiting = null;
    this.failed = null;
    resolve({ code: Number(taken[last]?.slice(0, 3)), text: taken.map((l) => l.slice(4)).join(' ').trim() });
  }
}

const answerOf = (reply: Reply): RcptAnswer => (reply.code >= 200 && reply.code < 300 ? 'accepted' : reply.code >= 500 ? 'rejected' : 'unknown');
const said = (reply: Reply): string => `${reply.code} ${reply.text}`.trim();

/**
 * Asks the domain's first mail server whether it would take the address (EHLO, MAIL FROM, RCPT TO) and, if it
 * would, whether it also takes a random address at the domain (a catch-all); never sends DATA. Port 25 is blocked
 * on most home and office networks, so this is off by default; any failure to talk to the server is `unknown`.
 */
export async function probeRecipient(address: string, domain: string, mxHosts: readonly string[], options: ProbeOptions): Promise<ProbeResult> {
  const host = mxHosts[0];
  if (!host) return { host: '', recipient: 'unknown', catchAll: null, reply: 'no mail server to ask' };
  let socket: Socket | null = null;
  try {
    const ip = isIP(host) ? host : await options.addressOf(host);
    socket = createConnection({ host: ip, port: options.port });
    socket.setTimeout(options.timeoutMs, () => socket?.destroy(new Error(`no answer within ${options.timeoutMs / 1000} s`)));
    const dialog = new SmtpDialog(socket);
    const steps: [string | null, number][] = [
      [null, 220],
      [`EHLO ${options.heloName}`, 250],
      [`MAIL FROM:<${options.mailFrom}>`, 250],
    ];
    for (const [line, expected] of steps) {
      const reply = line === null ? await dialog.reply() : await dialog.command(line);
      if (reply.code !== expected) return { host, recipient: 'unknown', catchAll: null, reply: said(reply) };
    }
    const rcpt = await dialog.command(`RCPT TO:<${address}>`);
    const recipient = answerOf(rcpt);
    let catchAll: boolean | null = null;
    if (recipient === 'accepted') {
      const made = await dialog.command(`RCPT TO:<outpost-probe-${randomBytes(6).toString('hex')}@${domain}>`);
      catchAll = answerOf(made) === 'accepted' ? true : answerOf(made) === 'rejected' ? false : null;
    }
    await dialog.command('QUIT').catch(() => undefined);
    return { host, recipient, catchAll, reply: said(rcpt) };
  } catch (error) {
    return { host, recipient: 'unknown', catchAll: null, reply: `could not talk to ${host}:${options.port}: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    socket?.destroy();
  }
}
