import { expect as baseExpect, test, type Page } from "@playwright/test";
import { dateIn, dateTimeIn, idFromLink } from "./fixtures";
import { DEMO_TOTP_SECRETS } from "../../prisma/seed/demo-totp";
import { DEMO_PASSWORD, giveAccessReasonIfAsked, signIn, signInAs, signOut } from "./helpers";

// Saving goes through a server action and a redirect: on a loaded 2-core machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

/** A person on the social secretary's own caseload without an open referral: the new-referral form shows. */
async function openNewReferralForMyPerson(page: Page): Promise<{ personId: string; name: string }> {
  await page.goto("/caseload");
  const links = page.getByRole("table").getByRole("link");
  const count = await links.count();
  for (let i = 0; i < count; i++) {
    const link = links.nth(i);
    const name = (await link.textContent())!.trim();
    const personId = await idFromLink(page, link);
    await page.goto(`/referrals/new?personId=${personId}`);
    await expect(page.getByRole("heading", { level: 1, name: "Anvisa till avhopparverksamheten" })).toBeVisible();
    if (await page.getByRole("button", { name: "Anvisa" }).isVisible()) return { personId, name };
    await page.goto("/caseload");
  }
  throw new Error("no person without an open referral on the caseload");
}

async function takeStep(page: Page, status: string, savedStatus = status) {
  await page.getByRole("group", { name: "Nytt steg" }).getByRole("radio", { name: status }).check();
  await page.getByRole("button", { name: "Spara steg" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Nytt steg sparat." })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Status", exact: true }).getByText(savedStatus, { exact: true }),
  ).toBeVisible();
}

test("a social secretary takes a referral through the programme, with a relocation to another town", async ({
  page,
  browser,
}) => {
  await signIn(page, "SOCIAL");
  const { name } = await openNewReferralForMyPerson(page);
  await expect(page.getByText(`Anvisning av ${name}`)).toBeVisible();

  // A date in the future is refused; what was typed stays.
  await page.getByRole("radio", { name: "Personen själv" }).check();
  await page.getByLabel("Anvisad datum och tid").fill(dateTimeIn(3));
  await page.getByLabel("Kommentar").fill("Ringde själv till avhopparverksamheten.");
  await page.getByRole("button", { name: "Anvisa" }).click();
  await expect(page.getByText("Datumet kan inte ligga i framtiden.")).toBeVisible();
  await expect(page.getByLabel("Kommentar")).toHaveValue("Ringde själv till avhopparverksamheten.");
  await expect(page.getByRole("radio", { name: "Personen själv" })).toBeChecked();

  await page.getByLabel("Anvisad datum och tid").fill(dateTimeIn(-20));
  await page.getByRole("button", { name: "Anvisa" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Personen är anvisad till avhopparverksamheten." }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `Insats för ${name}` })).toBeVisible();
  const referralUrl = page.url().split("?")[0]!;

  // Only legal steps are offered: from "referred" not straight to "in programme".
  const steps = page.getByRole("group", { name: "Nytt steg" }).getByRole("radio");
  await expect(steps).toHaveCount(3);
  for (const step of ["Kontaktad", "Tackade nej", "Avbruten"])
    await expect(steps.and(page.getByRole("radio", { name: step }))).toBeVisible();
  await page.getByLabel("Datum och tid").fill(dateTimeIn(-18));
  await takeStep(page, "Kontaktad");

  // A colleague's page opened before the next step is outdated: saving from it is a conflict.
  const other = await browser.newPage({ storageState: await page.context().storageState() });
  await other.goto(referralUrl);
  await page.getByLabel("Datum och tid").fill(dateTimeIn(-15));
  await takeStep(page, "Bedömd");
  await other.getByRole("group", { name: "Nytt steg" }).getByRole("radio", { name: "Tackade nej" }).check();
  await other.getByLabel("Kommentar").fill("Vill inte längre.");
  await other.getByRole("button", { name: "Spara steg" }).click();
  await expect(other.getByRole("alert").filter({ hasText: "Någon annan har ändrat uppgifterna" })).toBeVisible();
  await expect(other.getByLabel("Kommentar")).toHaveValue("Vill inte längre.");
  await other.close();

  await page.getByLabel("Datum och tid").fill(dateTimeIn(-12));
  await takeStep(page, "I programmet");

  // A relocation: a completed measure needs its end date; then the protected town is saved.
  await page.getByRole("link", { name: "Lägg till stödinsats" }).click();
  await page.getByRole("radio", { name: "Flytt till annan ort" }).check();
  await page.getByRole("radio", { name: "Genomförd" }).check();
  await page.getByLabel("Startdatum").fill(dateIn(-10));
  await page.getByLabel("Utfall").fill("Flyttat med familjen.");
  await page.getByLabel("Ny ort").fill("Ort E2E");
  await page.getByLabel("Registrera personen som flyttad").check();
  await page.getByRole("button", { name: "Lägg till" }).click();
  await expect(page.getByText("Ange slutdatum för en avslutad eller avbruten stödinsats.")).toBeVisible();
  await expect(page.getByLabel("Ny ort")).toHaveValue("Ort E2E");
  await expect(page.getByLabel("Registrera personen som flyttad")).toBeChecked();
  await page.getByLabel("Slutdatum").fill(dateIn(-5));
  await page.getByRole("button", { name: "Lägg till" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Stödinsatsen är sparad." })).toBeVisible();
  const relocation = page.getByRole("article", { name: "Flytt till annan ort" });
  await expect(relocation).toContainText("Genomförd");
  await expect(relocation).toContainText("Ny ort: Ort E2E");
  await expect(relocation).toContainText("Flyttat med familjen.");

  await page.getByLabel("Datum och tid").fill(dateTimeIn(-1));
  await takeStep(page, "Genomförd");
  await expect(page.getByText("Insatsen är avslutad. Ett nytt försök görs som en ny anvisning.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Spara steg" })).toHaveCount(0);
  const history = page.getByRole("region", { name: "Historik" });
  await expect(history.getByRole("listitem")).toHaveCount(5);
  await expect(history).toContainText("I programmet → Genomförd");

  // The person now shows as relocated, with the new town protected (the relocation's default answer).
  await page.getByRole("region", { name: "Status", exact: true }).getByRole("link", { name }).click();
  await expect(page.getByText("Flyttad", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Skyddade personuppgifter", { exact: true })).toBeVisible();
  await expect(page.getByText("Skyddad ort och adress: Ort E2E")).toBeVisible();

  // The handler ends the protection, and sets it again: each a decision of its own on the file.
  await page.getByText("Avsluta skyddet …").click();
  await page.getByRole("button", { name: "Avsluta skyddet" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Skyddet av personuppgifterna är avslutat." })).toBeVisible();
  await expect(page.getByText("Personen har inga skyddade personuppgifter.")).toBeVisible();
  await page.getByText("Markera skyddade personuppgifter …").click();
  await page.getByRole("button", { name: "Markera som skyddad" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Personen har nu skyddade personuppgifter." })).toBeVisible();

  // The police have no consent from this person: the referral does not exist for them.
  await signOut(page);
  await signIn(page, "POLICE");
  expect((await page.goto(referralUrl))?.status()).toBe(404);
});

test("police see a consenting person's referral as status only; the relocation town stays with the handler", async ({
  page,
}) => {
  await signIn(page, "POLICE");
  await page.goto("/referrals");
  await expect(page.getByText("Du ser bara var insatsen står")).toBeVisible();
  const column = page.getByRole("region", { name: /I programmet/ });
  await column.getByRole("link").first().click();
  // Not on the police officer's caseload: the referral is part of the person's file, so a reason first.
  await giveAccessReasonIfAsked(page, page.getByText("Personens samtycke omfattar din myndighet"));
  await expect(page.getByText("Personens samtycke omfattar din myndighet")).toBeVisible();
  await expect(page.getByRole("region", { name: "Status", exact: true })).toContainText("I programmet");
  // Nothing of the content: neither on screen nor anywhere in the page sent to the browser.
  const shown = await page.getByRole("main").innerText();
  for (const secret of ["Flytt till annan ort", "Behandling", "Arbete", "Väg in", "Historik", "Anvisad av"])
    expect(shown).not.toContain(secret);
  const html = await page.content();
  for (const secret of ["Ort A (skyddad)", "Ort B (skyddad)", "Flyttat till annan ort."])
    expect(html).not.toContain(secret);
  await expect(page.getByRole("link", { name: "Lägg till stödinsats" })).toHaveCount(0);
});

test("a social secretary who does not handle the person sees that a town is protected, not the town", async ({
  page,
}) => {
  // Maria Ekström handles the person relocated to "Ort B"; her colleague does not.
  await signIn(page, "SOCIAL");
  await page.goto("/referrals?view=list&status=IN_PROGRAMME");
  const hrefs = await page
    .getByRole("main")
    .getByRole("link")
    .evaluateAll((links) =>
      links.map((a) => a.getAttribute("href") ?? "").filter((href) => /^\/referrals\/[0-9a-f-]{36}$/.test(href)),
    );
  let found = "";
  for (const href of hrefs) {
    await page.goto(href);
    if ((await page.getByText("Ort B (skyddad)").count()) > 0) {
      found = href;
      break;
    }
  }
  expect(found, "the demo referral with the relocation to Ort B").not.toBe("");
  await signOut(page);

  await signInAs(
    page,
    "social2@malmo.samverkan.test",
    DEMO_PASSWORD,
    DEMO_TOTP_SECRETS["social2@malmo.samverkan.test"]!,
  );
  await expect(page).toHaveURL(/\/caseload$/);
  await page.goto(found);
  await giveAccessReasonIfAsked(page, page.getByText("Ny ort: skyddad, visas bara för personens handläggare."));
  await expect(page.getByText("Ny ort: skyddad, visas bara för personens handläggare.")).toBeVisible();
  expect(await page.content()).not.toContain("Ort B");
});
