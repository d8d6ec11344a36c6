import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { simpleParser, type ParsedMail } from "mailparser";
import { createAccount, dateIn, demoPerson, query } from "./fixtures";
import { signInAs } from "./helpers";

/*
 * "Att göra" and the daily digest, end to end: the e2e server runs the job worker and a real SMTP
 * server on loopback that keeps each message it receives in test-results/e2e-mail (scripts/e2e-server.ts).
 */

const MAIL_DIR = path.join(__dirname, "..", "..", "test-results", "e2e-mail");

async function mailTo(email: string): Promise<ParsedMail | null> {
  let files: string[] = [];
  try {
    files = readdirSync(MAIL_DIR).filter((f) => f.endsWith(".eml"));
  } catch {
    return null;
  }
  for (const file of files) {
    const mail = await simpleParser(readFileSync(path.join(MAIL_DIR, file)));
    if ([mail.to].flat().some((a) => a?.text === email)) return mail;
  }
  return null;
}

test("a probation officer sees what is due in the header and on Att göra, and gets a digest with numbers only", async ({
  page,
}) => {
  const account = await createAccount({ role: "PROBATION" });
  const person = await demoPerson(3);
  const [user] = await query<{ siteId: string }>(`SELECT "siteId" FROM "User" WHERE id = $1`, [account.id]);
  await query(
    `INSERT INTO "FollowUp" (id, "siteId", "personId", agency, "assignedToId", "dueOn", "createdById", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'PROBATION', $3, $4::date, $3, now())`,
    [user!.siteId, person.id, account.id, dateIn(-2)],
  );

  await signInAs(page, account.email, account.password, account.secret!);
  const todo = page.getByRole("link", { name: /Att göra.*1 sak att göra/ });
  await expect(todo).toBeVisible();
  await todo.click();
  await expect(page.getByRole("heading", { name: "Att göra", level: 1 })).toBeVisible();
  const overdue = page.getByRole("region", { name: "Försenat (1)" });
  await expect(overdue).toBeVisible();
  // DataTable renders each row twice (table and phone card): the table's cell is the one shown here.
  await expect(overdue.getByRole("cell", { name: person.name })).toBeVisible();

  await page.getByRole("link", { name: "Inställningar för daglig e-post" }).click();
  await expect(page.getByRole("checkbox", { name: "Skicka mig en daglig sammanfattning" })).toBeChecked();
  await page.getByRole("button", { name: "Skicka dagens sammanfattning nu" }).click();
  await expect(page.getByText(`Dagens sammanfattning skickas till ${account.email}`)).toBeVisible();

  // Through the queue and the worker to the SMTP server.
  await expect.poll(() => mailTo(account.email), { timeout: 30_000, intervals: [500] }).not.toBeNull();
  const mail = (await mailTo(account.email))!;
  expect(mail.subject).toBe("Samverkan: 1 försenad, 0 att göra de närmaste dagarna");
  expect(mail.text).toContain("/todo");
  for (const part of [...person.name.split(" "), person.identityNumber.slice(0, 8), account.name])
    expect(mail.text).not.toContain(part);
  await page.reload();
  await expect(page.getByText(/^Senast skickad /)).toBeVisible();
});
