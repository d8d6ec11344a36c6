/**
 * A real SMTP server on loopback for the demo and the tests (smtp-server): it accepts any mail
 * for anyone, keeps what arrived (parsed with mailparser) and, with `dir`, writes each message
 * there as an .eml file, so a person at the demo or an end-to-end test can read what was sent.
 * Never a relay: nothing it receives goes anywhere else. Not for production (no TLS, no auth).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type TestSmtp = {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** The first message (arrived or arriving) that `match` accepts, or an error after `timeoutMs`. */
  waitFor: (match: (m: ParsedMail) => boolean, timeoutMs?: number) => Promise<ParsedMail>;
  stop: () => Promise<void>;
};

export async function startTestSmtp({
  port = 0,
  dir,
  onMessage,
}: {
  port?: number;
  dir?: string;
  onMessage?: (m: ParsedMail) => void;
} = {}): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const waiters = new Set<() => void>();
  if (dir) mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    // Loopback only, for the demo and the tests: no TLS or accounts to set up.
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    banner: "Samverkan test-SMTP (tar emot, skickar aldrig vidare)",
    logger: false,
    size: 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((mail) => {
            messages.push(mail);
            if (dir) writeFileSync(path.join(dir, `${Date.now()}-${messages.length}.eml`), raw);
            onMessage?.(mail);
            for (const wake of waiters) wake();
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${actual}`,
    port: actual,
    messages,
    waitFor: (match, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return false;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching mail within ${timeoutMs} ms (${messages.length} arrived)`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
