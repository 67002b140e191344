import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';

const DOVECOT = '/usr/sbin/dovecot';
const DOVEADM = '/usr/bin/doveadm';
const run = promisify(execFile);

/** A real Dovecot IMAP server on 127.0.0.1 with one user and a Maildir in a temp folder. */
export interface Dovecot {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** Imap settings and credentials in the shape of a mailbox profile (plaintext IMAP on localhost). */
  readonly profileSettings: { imap: { host: string; port: number; security: 'none' }; folders: { inbox: string; spam: string[]; sent: string } };
  /** A connected client (logged in as the user); the caller logs out. */
  connect(): Promise<ImapFlow>;
  /** Appends raw RFC 5322 messages to a folder over IMAP, as a mail server delivering them would. */
  deliver(folder: string, raws: readonly string[]): Promise<void>;
  /** Writes raw messages straight into the folder's Maildir (fast, for thousands of messages); Dovecot indexes them on the next read. */
  writeMaildir(folder: string, raws: readonly string[]): void;
  /** Gives a folder a new UIDVALIDITY (what a server does when it rebuilds a mailbox). */
  setUidValidity(folder: string, uidValidity: number): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

interface Account {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/** Which system accounts Dovecot runs as: `mail` (and Debian's dovecot/dovenull) under root, else the current user. */
function accounts(): { mail: Account; login: string; internal: string; internalGroup: string; root: boolean } {
  const root = process.getuid?.() === 0;
  if (!root) {
    const me = userInfo();
    return { mail: { name: me.username, uid: me.uid, gid: me.gid }, login: me.username, internal: me.username, internalGroup: groupName(me.gid), root };
  }
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('mail:'));
  const [, , uid, gid] = (line ?? '').split(':');
  if (!uid || !gid) throw new Error('no "mail" user in /etc/passwd for Dovecot to run mail processes as');
  return { mail: { name: 'mail', uid: Number(uid), gid: Number(gid) }, login: 'dovenull', internal: 'dovecot', internalGroup: 'dovecot', root };
}

/** The name of a group id (Dovecot's settings take names). */
function groupName(gid: number): string {
  const line = readFileSync('/etc/group', 'utf8')
    .split('\n')
    .find((l) => l.split(':')[2] === String(gid));
  const name = line?.split(':')[0];
  if (!name) throw new Error(`no group with id ${gid} in /etc/group`);
  return name;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function config(dir: string, port: number, who: ReturnType<typeof accounts>): string {
  // Non-root Dovecot cannot chroot its login and anvil processes.
  const noChroot = who.root ? '' : ['imap-login', 'anvil', 'auth', 'auth-worker'].map((s) => `service ${s} {\n  chroot =\n}\n`).join('');
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = outpost-${port}
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = ${who.login}
default_internal_user = ${who.internal}
default_internal_group = ${who.internalGroup}
first_valid_uid = 1
first_valid_gid = 1
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${who.mail.uid} gid=${who.mail.gid} home=${dir}/mail/%u
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Spam {
    auto = create
    special_use = \\Junk
  }
  mailbox Sent {
    auto = create
    special_use = \\Sent
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
${noChroot}`;
}

/** Resolves once the port greets like an IMAP server; rejects if the process exits first. */
async function untilGreeting(port: number, child: ChildProcess, logFile: string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}): ${existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''}`);
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => undefined);
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
    });
    if (greeted) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts Dovecot (`dovecot -F -c <generated conf>`) on a free 127.0.0.1 port and waits until it greets. */
export async function startDovecot(): Promise<Dovecot> {
  const who = accounts();
  const dir = mkdtempSync(join(tmpdir(), 'outpost-dovecot-'));
  // The mail processes run as another user and must traverse the temp folder.
  chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
  if (who.root) chownSync(join(dir, 'mail'), who.mail.uid, who.mail.gid);
  const user = 'outpost';
  const password = randomBytes(12).toString('hex');
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`);
  const port = await freePort();
  const confFile = join(dir, 'dovecot.conf');
  writeFileSync(confFile, config(dir, port, who));
  const child = spawn(DOVECOT, ['-F', '-c', confFile], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await untilGreeting(port, child, join(dir, 'dovecot.log'));
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const connect = async (): Promise<ImapFlow> => {
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false });
    await client.connect();
    return client;
  };
  const maildir = (folder: string): string => join(dir, 'mail', user, folder === 'INBOX' ? '' : `.${folder.replaceAll('/', '.')}`);
  let written = 0;

  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    profileSettings: { imap: { host: '127.0.0.1', port, security: 'none' }, folders: { inbox: 'INBOX', spam: ['Spam'], sent: 'Sent' } },
    connect,
    async deliver(folder, raws) {
      const client = await connect();
      try {
        for (const raw of raws) await client.append(folder, raw);
      } finally {
        await client.logout();
      }
    },
    writeMaildir(folder, raws) {
      const base = maildir(folder);
      for (const path of [join(dir, 'mail', user), base, join(base, 'cur'), join(base, 'new'), join(base, 'tmp')]) {
        mkdirSync(path, { recursive: true });
        if (who.root) chownSync(path, who.mail.uid, who.mail.gid);
      }
      const cur = join(base, 'cur');
      const stamp = Math.floor(Date.now() / 1000);
      for (const raw of raws) {
        const file = join(cur, `${stamp}.M${++written}P${process.pid}.outpost:2,`);
        writeFileSync(file, raw.replaceAll('\r\n', '\n'));
        if (who.root) chownSync(file, who.mail.uid, who.mail.gid);
      }
    },
    async setUidValidity(folder, uidValidity) {
      await run(DOVEADM, ['-c', confFile, 'mailbox', 'update', '-u', user, '--uid-validity', String(uidValidity), folder]);
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
