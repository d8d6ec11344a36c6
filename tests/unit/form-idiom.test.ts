import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import sv from "@/messages/sv";
import en from "@/messages/en";

/*
 * One way to do a form (issue 12): in the browser every form talks to its action through
 * useForm (components/ui/form.tsx), which keeps what was typed on any failure and sends the
 * submission key; on the server every form action is handleForm, which redirects by itself.
 * A second idiom would be a form that loses the input when the connection drops, or saves twice.
 */

const ROOT = path.resolve(__dirname, "..", "..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "generated") return [];
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

const rel = (file: string) => path.relative(ROOT, file);
const sources = ["app", "components", "lib"].flatMap((d) => filesUnder(path.join(ROOT, d)));

/**
 * The sign-in steps keep their own state machine (lock minutes, the ticket between steps, the
 * recovery codes shown once) and hold no record to save twice; the sign-in issue replaces them.
 */
const SIGN_IN_STEPS = new Set([
  "components/layout/login-form.tsx",
  "components/auth/federated-sign-in.tsx",
  "components/auth/code-form.tsx",
  "components/auth/enrol-form.tsx",
]);

/** Buttons without fields whose action returns nothing to show (a language, signing out, leaving sign-in). */
const ONE_BUTTON_ACTIONS = new Set(["setLocaleAction", "signOutAction", "cancelSignInAction"]);

describe("the one form idiom", () => {
  it("calls useActionState only in useForm (and the sign-in steps)", () => {
    const callers = sources.filter((f) => /\buseActionState\s*[<(]/.test(readFileSync(f, "utf8"))).map(rel);
    expect(callers.filter((f) => !SIGN_IN_STEPS.has(f)).sort()).toEqual(["components/ui/form.tsx"]);
  });

  it("has no <form> with a server action that bypasses <Form>", () => {
    const offenders = sources
      .filter((f) => f.endsWith(".tsx") && !SIGN_IN_STEPS.has(rel(f)) && rel(f) !== "components/ui/form.tsx")
      .flatMap((f) =>
        [...readFileSync(f, "utf8").matchAll(/<form\b[^>]*\baction=\{(\w+)\}/g)]
          .map((m) => m[1]!)
          .filter((action) => !ONE_BUTTON_ACTIONS.has(action))
          .map((action) => `${rel(f)}: ${action}`),
      );
    expect(offenders).toEqual([]);
  });

  it("reads error texts from the one errors catalogue", () => {
    const others = sources
      .flatMap((f) => [...readFileSync(f, "utf8").matchAll(/(?:useTranslations|getTranslations)\("(\w*Errors)"\)/g)])
      .map((m) => m[1]);
    expect(others).toEqual([]);
    // …and no area keeps error texts of its own, at any depth.
    const errorGroups = (node: unknown, at: string): string[] =>
      node && typeof node === "object"
        ? Object.entries(node).flatMap(([k, v]) => [
            ...(/errors$/i.test(k) ? [`${at}${k}`] : []),
            ...(k === "errors" && !at ? [] : errorGroups(v, `${at}${k}.`)),
          ])
        : [];
    for (const messages of [sv, en]) expect(errorGroups(messages, "").sort()).toEqual(["errors"]);
  });

  it("has every form action redirect through handleForm, never an id captured by hand", () => {
    const actions = filesUnder(path.join(ROOT, "lib")).filter((f) => f.endsWith("actions.ts"));
    for (const file of actions) {
      const source = readFileSync(file, "utf8");
      expect(source, rel(file)).not.toMatch(/state\.status === "success"\)\s*redirect\(/);
      expect(source, rel(file)).not.toMatch(/let \w+ = "";/);
    }
  });
});
