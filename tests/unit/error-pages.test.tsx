import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ErrorPage from "@/app/error";
import GlobalError from "@/app/global-error";
import { SERVICE_UNAVAILABLE_DIGEST } from "@/lib/errors";
import sv from "@/messages/sv";

/*
 * What a user sees when a request fails unexpectedly: the Swedish message and Next.js's digest
 * (which finds the server's log line), never the error's message or stack. In production Next.js
 * replaces a server error's message before it reaches the browser; these pages must not depend on
 * that, since errors thrown in the browser reach them unscrubbed. Rendered as the browser would,
 * with an error carrying everything that must stay hidden.
 */

const SECRET = 'Invalid `prisma.internalNote.create()` invocation: body "Träffade Kalle" 19900101-1234';
function leakyError(digest?: string): Error & { digest?: string } {
  const error = Object.assign(new Error(SECRET), { digest });
  error.stack = `Error: ${SECRET}\n    at createNote (/srv/samverkan/lib/notes/mutations.ts:42:11)`;
  return error;
}

const renderPage = (error: Error & { digest?: string }) =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale="sv" messages={sv} timeZone="Europe/Stockholm">
      <ErrorPage error={error} reset={() => {}} />
    </NextIntlClientProvider>,
  );

function expectNothingOf(html: string) {
  for (const leak of ["prisma", "Träffade", "19900101", "1234", "mutations.ts", "at createNote", "invocation"])
    expect(html).not.toContain(leak);
}

describe("the error page (app/error.tsx)", () => {
  it("says in Swedish that something went wrong, with the digest, and nothing of the error", () => {
    const html = renderPage(leakyError("2871044431"));
    expect(html).toContain("Något gick fel");
    expect(html).toContain(sv.errorPage.body);
    expect(html).toContain("Felkod: 2871044431");
    expect(html).toContain("Försök igen");
    expectNothingOf(html);
  });

  it("says 'try again in a moment' during a database outage", () => {
    const html = renderPage(leakyError(SERVICE_UNAVAILABLE_DIGEST));
    expect(html).toContain(sv.unavailable.title);
    expect(html).not.toContain("Felkod");
    expectNothingOf(html);
  });

  it("shows no digest line when there is none (an error thrown in the browser)", () => {
    const html = renderPage(leakyError());
    expect(html).toContain("Något gick fel");
    expect(html).not.toContain("Felkod");
    expectNothingOf(html);
  });
});

describe("a form too large to send (proxy.ts's 413, raised by Next's client as the error's message)", () => {
  it("says so in Swedish, and only for the app's own message", async () => {
    const { FORM_TOO_LARGE_MESSAGE } = await import("@/lib/web-security");
    expect(renderPage(new Error(FORM_TOO_LARGE_MESSAGE))).toContain(sv.errorPage.formTooLarge);
    expect(renderPage(leakyError())).not.toContain(sv.errorPage.formTooLarge);
  });
});

describe("the last-resort page (app/global-error.tsx)", () => {
  it("is Swedish, in a page of its own, with the digest and nothing of the error", () => {
    const html = renderToStaticMarkup(<GlobalError error={leakyError("99887766")} />);
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain("Något gick fel");
    expect(html).toContain("Felkod: 99887766");
    expectNothingOf(html);
    const outage = renderToStaticMarkup(<GlobalError error={leakyError(SERVICE_UNAVAILABLE_DIGEST)} />);
    expect(outage).toContain("Tjänsten är tillfälligt otillgänglig");
    expectNothingOf(outage);
  });
});
