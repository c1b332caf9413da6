import { spawn, type ChildProcess } from "node:child_process";
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";
import { createTransport } from "nodemailer";
import { freePort } from "./app-server";

export type DovecotUser = { name: string; password: string };

export type Dovecot = {
  imapPort: number;
  lmtpPort: number;
  /** `imap://user:password@127.0.0.1:port/INBOX?tls=off`, for MAIL_IN_URL. */
  urlFor(user: DovecotUser, folder?: string): string;
  /** Delivers a raw RFC 5322 message by LMTP, as an MTA would (the envelope recipient is `user@localhost`). */
  deliver(user: DovecotUser, raw: string | Buffer, envelopeFrom?: string): Promise<void>;
  /** Appends a raw message to a folder by IMAP (the folder is created when missing). */
  append(user: DovecotUser, raw: string | Buffer, folder?: string): Promise<void>;
  /** An IMAP client signed in as `user`, for assertions; the caller logs out. */
  client(user: DovecotUser): Promise<ImapFlow>;
  /** How many messages each folder of `user` holds. */
  counts(user: DovecotUser): Promise<Record<string, number>>;
  stop(): Promise<void>;
};

/**
 * Dovecot refuses to store mail as root: run as root (CI), the mailboxes belong to the package's `dovecot` account and
 * Dovecot's own services keep their defaults; run as anyone else, everything runs as that account.
 */
async function mailOwner(): Promise<{ mailUid: number; mailGid: number; services: string }> {
  const me = userInfo();
  if (me.uid !== 0) {
    return {
      mailUid: me.uid,
      mailGid: me.gid,
      services: `default_login_user = ${me.username}\ndefault_internal_user = ${me.username}\ndefault_internal_group = ${me.username}`,
    };
  }
  const line = (await readFile("/etc/passwd", "utf8")).split("\n").find((entry) => entry.startsWith("dovecot:"));
  if (!line) throw new Error("No dovecot account: install dovecot-imapd (see .ci/run)");
  const [, , uid, gid] = line.split(":");
  return { mailUid: Number(uid), mailGid: Number(gid), services: "" };
}

const DOVECOT = process.env.DOVECOT_BIN ?? "/usr/sbin/dovecot";

const waitForPort = async (port: number, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`Dovecot did not open port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/**
 * A Dovecot of the test's own (IMAP + LMTP on free ports, users in a passwd file, Maildirs in a temporary directory),
 * run in the foreground as a child process: never the machine's service. Plain-text logins over 127.0.0.1, no TLS.
 */
export async function startDovecot(users: readonly DovecotUser[]): Promise<Dovecot> {
  const dir = await mkdtemp(path.join(tmpdir(), "guichet-dovecot-"));
  const [imapPort, lmtpPort] = [await freePort(), await freePort()];
  const { mailUid, mailGid, services } = await mailOwner();
  await mkdir(path.join(dir, "mail"), { recursive: true });
  await mkdir(path.join(dir, "run"), { recursive: true });
  if (mailUid !== userInfo().uid) {
    await chmod(dir, 0o755);
    await chown(path.join(dir, "mail"), mailUid, mailGid);
  }
  const passwd = users
    .map((user) => `${user.name}:{PLAIN}${user.password}:${mailUid}:${mailGid}::${path.join(dir, "mail", user.name)}::`)
    .join("\n");
  await writeFile(path.join(dir, "passwd"), `${passwd}\n`);
  const conf = `
base_dir = ${path.join(dir, "run")}
state_dir = ${path.join(dir, "state")}
instance_name = guichet-test-${imapPort}
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_username_format = %Ln
log_path = ${path.join(dir, "dovecot.log")}
${services}
first_valid_uid = ${mailUid}
first_valid_gid = ${mailGid}
mail_location = maildir:~/Maildir
lmtp_save_to_detail_mailbox = no
recipient_delimiter = +
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n ${path.join(dir, "passwd")}
}
userdb {
  driver = passwd-file
  args = username_format=%n ${path.join(dir, "passwd")}
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${lmtpPort}
  }
  unix_listener lmtp {
    mode = 0600
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
namespace inbox {
  inbox = yes
  separator = /
}
`;
  const confPath = path.join(dir, "dovecot.conf");
  await writeFile(confPath, conf);
  const child: ChildProcess = spawn(DOVECOT, ["-F", "-c", confPath], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await Promise.race([
      Promise.all([waitForPort(imapPort, 15_000), waitForPort(lmtpPort, 15_000)]),
      exited.then(() => {
        throw new Error(`Dovecot exited at start: ${output}`);
      }),
    ]);
  } catch (error) {
    child.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const client = async (user: DovecotUser) => {
    const imap = new ImapFlow({
      host: "127.0.0.1",
      port: imapPort,
      secure: false,
      doSTARTTLS: false,
      auth: { user: user.name, pass: user.password },
      logger: false,
    });
    await imap.connect();
    return imap;
  };
  const lmtp = createTransport({ host: "127.0.0.1", port: lmtpPort, lmtp: true, secure: false, ignoreTLS: true });

  return {
    imapPort,
    lmtpPort,
    urlFor: (user, folder = "INBOX") =>
      `imap://${encodeURIComponent(user.name)}:${encodeURIComponent(user.password)}@127.0.0.1:${imapPort}/${encodeURIComponent(folder)}?tls=off`,
    async deliver(user, raw, envelopeFrom = "mailer@example.org") {
      await lmtp.sendMail({ envelope: { from: envelopeFrom, to: [`${user.name}@localhost`] }, raw });
    },
    async append(user, raw, folder = "INBOX") {
      const imap = await client(user);
      try {
        if (folder !== "INBOX") await imap.mailboxCreate(folder).catch(() => undefined);
        await imap.append(folder, raw);
      } finally {
        await imap.logout();
      }
    },
    client,
    async counts(user) {
      const imap = await client(user);
      try {
        const result: Record<string, number> = {};
        for (const box of await imap.list()) {
          const status = await imap.status(box.path, { messages: true });
          result[box.path] = status ? (status.messages ?? 0) : 0;
        }
        return result;
      } finally {
        await imap.logout();
      }
    },
    async stop() {
      lmtp.close();
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(killer);
      if (process.env.DOVECOT_LOG) console.log(await readFile(path.join(dir, "dovecot.log"), "utf8"));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
