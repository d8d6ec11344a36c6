import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { mailEnv } from "@/lib/env";

export type MailMessage = { to: string; subject: string; text: string };
export type Mailer = { send: (message: MailMessage) => Promise<void> };

/**
 * The one way mail leaves the app: nodemailer over SMTP_URL. Null when no SMTP server is
 * configured (the worker then sends nothing and says so). The connection is pooled per process.
 */
let transporter: Transporter | null | undefined;

export function smtpMailer(): Mailer | null {
  if (transporter === undefined) {
    const { SMTP_URL } = mailEnv();
    transporter = SMTP_URL ? nodemailer.createTransport(SMTP_URL) : null;
  }
  if (!transporter) return null;
  const t = transporter;
  return {
    send: async ({ to, subject, text }) => {
      await t.sendMail({ from: mailEnv().MAIL_FROM, to, subject, text });
    },
  };
}

/** Closes the pooled connection (the worker's shutdown, tests). */
export function closeSmtpMailer(): void {
  transporter?.close();
  transporter = undefined;
}
