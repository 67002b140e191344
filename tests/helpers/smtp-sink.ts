import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/** One message the sink accepted: its envelope and the raw RFC 5322 text. */
export interface SunkMessage {
  readonly from: string;
  readonly to: readonly string[];
  readonly user: string | null;
  readonly raw: string;
}

/** How the sink answers RCPT TO for an address: accept, or a hard (550) or soft (451) rejection. */
export type RcptAnswer = 'accept' | 550 | 451;

/** A real SMTP server on 127.0.0.1 (plain, AUTH PLAIN/LOGIN accepted for any password unless one is set) that keeps what it receives. */
export interface SmtpSink {
  readonly port: number;
  readonly messages: SunkMessage[];
  /** Sets the RCPT answer for an address (lower-case match). */
  answer(address: string, reply: RcptAnswer): void;
  /** Keeps (records) messages to this address but never answers their DATA: the sender waits as if the link died mid-send. */
  hold(address: string): void;
  /** Resolves once at least `count` messages have arrived. */
  received(count: number): Promise<SunkMessage[]>;
  close(): Promise<void>;
}

const rejection = (code: 550 | 451, address: SMTPServerAddress): Error =>
  Object.assign(new Error(code === 550 ? `5.1.1 <${address.address}>: Recipient address rejected: User unknown` : `4.7.1 <${address.address}>: Try again later`), {
    responseCode: code,
  });

/** Starts an SMTP sink on 127.0.0.1 with a free port; with `password`, a login with any other password is refused (535). */
export async function startSmtpSink(options: { password?: string } = {}): Promise<SmtpSink> {
  const messages: SunkMessage[] = [];
  const answers = new Map<string, RcptAnswer>();
  const held = new Set<string>();
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    // held sessions never end by themselves; a close drops them soon
    closeTimeout: 200,
    onAuth: (auth, _session, callback) =>
      options.password === undefined || auth.password === options.password
        ? callback(null, { user: auth.username })
        : callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 })),
    onRcptTo: (address, _session, callback) => {
      const answer = answers.get(address.address.toLowerCase()) ?? 'accept';
      callback(answer === 'accept' ? null : rejection(answer, address));
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : null,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        for (const wake of waiters.splice(0)) wake();
        if (!session.envelope.rcptTo.some((r) => held.has(r.address.toLowerCase()))) callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    answer: (address, reply) => void answers.set(address.toLowerCase(), reply),
    hold: (address) => void held.add(address.toLowerCase()),
    async received(count) {
      while (messages.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
