import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { ConnectionStep } from '../../shared/contract/schemas/connection-test';
import { errorText, StepLog } from './connection-steps';
import { connectStep, resolveStep, STEP_TIMEOUT_MS, tlsStep, type HostLookup } from './reach-host';

/** A server's address and how its connection is secured. */
export interface ServerSettings {
  readonly host: string;
  readonly port: number;
  readonly security: 'tls' | 'starttls' | 'none';
}

/** A login: user and password. */
export interface Login {
  readonly user: string;
  readonly pass: string;
}

const smtpText = (error: unknown): string => {
  const e = error as { response?: unknown };
  return typeof e?.response === 'string' ? e.response : errorText(error);
};

function open(connection: SMTPConnection): Promise<void> {
  return new Promise((resolve, reject) => {
    connection.once('error', reject);
    connection.connect((error) => (error ? reject(error) : resolve()));
  });
}

function login(connection: SMTPConnection, auth: Login): Promise<void> {
  return new Promise((resolve, reject) => connection.login({ user: auth.user, pass: auth.pass }, (error) => (error ? reject(error) : resolve())));
}

/** Checks the sending side step by step: DNS, TCP, TLS (implicit or STARTTLS), then the login. Nothing is sent. */
export async function testSmtp(server: ServerSettings, auth: Login | null, lookup: HostLookup): Promise<ConnectionStep[]> {
  const log = new StepLog('smtp');
  const address = await resolveStep(log, 'SMTP', server.host, lookup);
  // After a failed step the later ones record themselves as skipped.
  await connectStep(log, 'SMTP', address ?? server.host, server.port);
  const connection = new SMTPConnection({
    host: address ?? server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    connectionTimeout: STEP_TIMEOUT_MS,
    greetingTimeout: STEP_TIMEOUT_MS,
    socketTimeout: STEP_TIMEOUT_MS,
    tls: { servername: server.host },
  });
  try {
    if (server.security === 'tls') await tlsStep(log, 'SMTP', server.host, address ?? server.host, server.port);
    // STARTTLS is the connection's own upgrade after EHLO: opening it is the TLS step.
    const opened =
      server.security === 'starttls'
        ? await log.run('tls', async () => (await open(connection), { value: true, message: `STARTTLS upgrade accepted by ${server.host}` }), (e) => `STARTTLS with the SMTP server failed: ${smtpText(e)}`)
        : undefined;
    if (server.security === 'none') log.skip('tls', 'plain connection (security: none), for local test servers only');
    if (!auth) {
      log.skip('auth', 'no login user set');
    } else {
      await log.run(
        'auth',
        async () => {
          if (!opened) await open(connection);
          await login(connection, auth);
          return { value: undefined, message: `logged in as ${auth.user}` };
        },
        (error) => `the SMTP server refused the login for ${auth.user}: ${smtpText(error)}`,
      );
    }
  } finally {
    connection.close();
  }
  return log.steps;
}
