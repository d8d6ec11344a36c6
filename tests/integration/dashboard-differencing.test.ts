import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz";
import { getDashboard, getDashboardFigures } from "@/lib/dashboard/queries";
import { band } from "@/lib/dashboard/suppress";
import { db } from "@/lib/db";
import { createNotification, createPerson } from "@/prisma/factories";
import { possibleValues } from "../support/differencing-attack";
import { makeWorld, type World } from "./fixtures";

/*
 * The differencing attack, tried against the real dashboard (docs/decisions/009): a manager
 * reads overlapping periods and subtracts. With days refused and every count shown as its band of
 * five, the small count stays unknown.
 */

const NOW = new Date("2020-10-15T10:00:00Z");
let w: World;
let manager: Actor;

beforeEach(async () => {
  w = await makeWorld();
  manager = w.actors.MANAGER;
  // August: 14 people reached. September: 2 more, each reached for the first time.
  for (let i = 0; i < 16; i++) {
    const person = await createPerson(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    const day = i < 14 ? `2020-08-${String(10 + i).padStart(2, "0")}` : `2020-09-${i === 14 ? "21" : "22"}`;
    await createNotification(db, {
      siteId: w.site.id,
      personId: person.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
      occurredAt: new Date(`${day}T10:00:00Z`),
    });
  }
});

const reached = async (from: string, to: string) =>
  (await getDashboard({ actor: manager, params: { period: "custom", from, to }, now: NOW })).view.reach.reached.current;

describe("differencing the dashboard", () => {
  it("refuses the ranges of days the attack was made with", async () => {
    for (const [from, to] of [
      ["2020-09-01", "2020-09-20"],
      ["2020-09-01", "2020-09-21"],
      ["2020-09-21", "2020-09-21"],
    ]) {
      const { view, query } = await getDashboard({ actor: manager, params: { period: "custom", from, to }, now: NOW });
      expect(query.fieldErrors).toMatchObject({ from: "invalidMonth" });
      expect(view.periods.current.kind).toBe("month");
    }
  });

  it("tells nothing exact from August, September and both: the months the counts fall in are bands apart or equal", async () => {
    const exact = await getDashboardFigures({
      actor: manager,
      params: { period: "custom", from: "2020-08", to: "2020-09" },
      now: NOW,
    });
    expect(exact.current.notifications.reached).toBe(16);
    const shown = [
      await reached("2020-08", "2020-08"),
      await reached("2020-09", "2020-09"),
      await reached("2020-08", "2020-09"),
    ];
    expect(shown).toEqual(["10–14", "<5", "15–19"]);
    // The attacker's solver over the three figures (people reached once each: additive here).
    const september = possibleValues(2, [[0], [1], [0, 1]], shown, band, 20)[1]!;
    expect([...september].sort()).toEqual([1, 2, 3, 4]);
  });

  it("tells nothing exact from rows of one table: reached by either minus reached by a visit", async () => {
    const { view } = await getDashboard({
      actor: manager,
      params: { period: "custom", from: "2020-08", to: "2020-09" },
      now: NOW,
    });
    // No call-ins here: the two rows show the same band, and the difference is a band difference.
    expect([view.reach.reached.current, view.reach.reachedEither.current, view.reach.callInAttended.current]).toEqual([
      "15–19",
      "15–19",
      "<5",
    ]);
    // Compared with June–July (nobody): the change is between the bands, 15, not the 16 counted.
    expect(view.reach.reached).toEqual({ current: "15–19", previous: "<5", change: 15 });
  });
});
