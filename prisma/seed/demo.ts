/**
 * The demo data: synthetic, deterministic, and shaped so that the records reproduce the figures of
 * ../shared/seed-press-release.txt (Malmö police, autumn 2020):
 *  - the latest round of custom notifications sought out 24 people; 5 asked for help on the spot;
 *  - in May, 23 people were sought out in two weeks; 7 sought support from the defector programme
 *    and 2 were helped to move to another town;
 *  - over 100 people sought out since the start, several of them more than once;
 *  - over 40 people deprived of liberty, a majority of whom had been notified or called in;
 *  - shootings: 65 (2017), 47 (2018), 34 (2019), 19 so far in 2020.
 * Every name is invented and every personnummer generated (valid date and check digit). The UI
 * shows "Demodata" while this is loaded (SystemSetting demoData).
 */
import type {
  Agency,
  IncidentType,
  PersonResponse,
  PlaceType,
  ReferralStatus,
  Role,
} from "@/lib/generated/prisma/enums";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { generateIdentityNumber } from "@/lib/validation/personnummer";
import {
  createAssignment,
  createCallIn,
  createCallInInvitee,
  createConsent,
  createEnforcementAction,
  createFollowUp,
  createGroup,
  createGroupRelation,
  createIncidentGroup,
  createIncidents,
  createInternalNote,
  createMembership,
  createNotification,
  createNotificationRound,
  createPerson,
  createReferral,
  createRegisterExtractRequest,
  createSite,
  createSupportMeasure,
  createUser,
  setSystemSetting,
} from "../factories";
import { demoSecondFactor } from "./demo-second-factor";
import { seedDemoVisits } from "./demo-visits";
import { seedDemoVetting } from "./demo-vetting";
import { seedDemoTransfers } from "./demo-transfers";
import { seedDemoPlans } from "./demo-plans";
import { seedDemoMeetings } from "./demo-meetings";

export const DEMO_PASSWORD = "Samverkan-demo-2026";

/** The demo accounts, one per role in Malmö (and two in Örebro, to show that sites are apart). */
export const DEMO_USERS = [
  { key: "police", email: "polis@malmo.samverkan.test", name: "Jonas Berglund", role: "POLICE" },
  { key: "police2", email: "polis2@malmo.samverkan.test", name: "Sara Holm", role: "POLICE" },
  { key: "social", email: "social@malmo.samverkan.test", name: "Maria Ekström", role: "SOCIAL" },
  { key: "social2", email: "social2@malmo.samverkan.test", name: "Amir Haddad", role: "SOCIAL" },
  { key: "probation", email: "frivard@malmo.samverkan.test", name: "Karin Nyström", role: "PROBATION" },
  { key: "probation2", email: "frivard2@malmo.samverkan.test", name: "Peter Sandberg", role: "PROBATION" },
  // The programme's manager and the system administrator are employed by the municipality: its
  // IdP (the social services') signs them in.
  { key: "manager", email: "ledning@malmo.samverkan.test", name: "Lena Åberg", role: "MANAGER", agency: "SOCIAL" },
  { key: "admin", email: "admin@malmo.samverkan.test", name: "Tomas Wik", role: "ADMIN", agency: "SOCIAL" },
  // The national team (issue 16): every site's figures side by side, never a person. Its account is
  // kept at Malmö (every account belongs to a site) and signed in by the municipality's IdP.
  {
    key: "national",
    email: "nationell@malmo.samverkan.test",
    name: "Nationell samordnare (Demodata)",
    role: "NATIONAL",
    agency: "SOCIAL",
  },
] as const satisfies readonly { key: string; email: string; name: string; role: Role; agency?: Agency }[];

/**
 * The demo account's HSA-id at the test IdP (scripts/lib/demo-idp.ts), the claim Samverkan maps
 * to the account: invented, in the HSA-id format (an organisation number and a serial).
 */
export function demoHsaId(key: string): string {
  return `SE2321000000-demo-${key}`;
}

const OREBRO_USERS = [
  { key: "orebroPolice", email: "polis@orebro.samverkan.test", name: "Nils Ek", role: "POLICE" },
  { key: "orebroSocial", email: "social@orebro.samverkan.test", name: "Eva Lund", role: "SOCIAL" },
] as const;

/** Dates of the press release's two rounds. */
export const DEMO_ROUNDS = {
  may: { name: "Maj 2020 (två veckor)", startsOn: "2020-05-11", endsOn: "2020-05-22" },
  latest: { name: "Hösten 2020", startsOn: "2020-09-14", endsOn: "2020-09-25" },
} as const;

export const DEMO_SHOOTINGS_PER_YEAR = { 2017: 65, 2018: 47, 2019: 34, 2020: 19 } as const;

export const FIRST_NAMES = [
  "Adam",
  "Ahmed",
  "Albin",
  "Ali",
  "Amir",
  "Anton",
  "Arvid",
  "Axel",
  "Benjamin",
  "Bilal",
  "Dani",
  "David",
  "Deniz",
  "Edvin",
  "Elias",
  "Emil",
  "Erik",
  "Filip",
  "Gabriel",
  "Hamza",
  "Hassan",
  "Hugo",
  "Ibrahim",
  "Isak",
  "Jamal",
  "Jesper",
  "Jonathan",
  "Kevin",
  "Leo",
  "Liam",
  "Linus",
  "Lucas",
  "Malik",
  "Marcus",
  "Mehmet",
  "Milan",
  "Mohammed",
  "Musa",
  "Nils",
  "Noah",
  "Omar",
  "Oscar",
  "Rami",
  "Robin",
  "Samir",
  "Simon",
  "Tariq",
  "Theo",
  "Tobias",
  "Viktor",
  "Yusuf",
  "Zakaria",
];
export const LAST_NAMES = [
  "Abdi",
  "Ahmadi",
  "Andersson",
  "Berg",
  "Björk",
  "Dahl",
  "Demir",
  "Ekberg",
  "Falk",
  "Farah",
  "Fors",
  "Gustafsson",
  "Hadzic",
  "Hansson",
  "Holm",
  "Hussein",
  "Isaksson",
  "Jansson",
  "Karlsson",
  "Khalil",
  "Kovac",
  "Lind",
  "Malmberg",
  "Mansour",
  "Mattsson",
  "Mohamud",
  "Nilsson",
  "Nord",
  "Olsson",
  "Petrovic",
  "Rahimi",
  "Sandberg",
  "Sjöberg",
  "Strand",
  "Svensson",
  "Torres",
  "Vik",
  "Wallin",
  "Yilmaz",
  "Öberg",
];
export const ALIASES = [
  "Lillen",
  "Snabben",
  "Kungen",
  "Prinsen",
  "Tjocka",
  "Blixten",
  "Doktorn",
  "Spöket",
  "Räven",
  "Tysken",
  "Lejonet",
  "Gamen",
];
const GROUPS = [
  { name: "Västra gänget", district: "Västra innerstaden", prioritized: true },
  { name: "Hamnligan", district: "Hamnen", prioritized: false },
  { name: "Norra nätverket", district: "Norr", prioritized: true },
  { name: "Centrumgruppen", district: "Centrum", prioritized: false },
  { name: "Södra alliansen", district: "Söder", prioritized: false },
  { name: "Parkgruppen", district: "Öster", prioritized: false },
  { name: "Östra kretsen", district: "Öster", prioritized: false },
  { name: "Stationsgänget", district: "Centrum", prioritized: false },
];
export const DISTRICTS = [
  "Centrum",
  "Söder",
  "Norr",
  "Öster",
  "Västra innerstaden",
  "Hamnen",
  "Fosie",
  "Rosengård",
  "Husie",
  "Kirseberg",
];

/** mulberry32: a small seeded PRNG, so every run of the seed makes the same data. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** A time of day in Swedish summer/winter time is not needed here: demo times are UTC. */
const at = (iso: string, hour: number, minute = 0) =>
  new Date(`${iso}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00Z`);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export async function seedDemo(db: PrismaClient): Promise<{ people: number; users: number }> {
  const rng = prng(20201001);

  const malmo = await createSite(db, { code: "malmo", name: "Malmö" });
  const orebro = await createSite(db, { code: "orebro", name: "Örebro" });

  const users: Record<string, { id: string; role: Role }> = {};
  for (const u of DEMO_USERS) {
    users[u.key] = await createUser(db, {
      siteId: malmo.id,
      email: u.email,
      name: u.name,
      role: u.role,
      ...("agency" in u ? { agency: u.agency } : {}),
      // Malmö's agencies sign in through the test IdP too: the demo shows both ways in.
      federatedSubject: demoHsaId(u.key),
      password: DEMO_PASSWORD,
      ...demoSecondFactor(u.email),
    });
  }
  for (const u of OREBRO_USERS) {
    users[u.key] = await createUser(db, {
      siteId: orebro.id,
      email: u.email,
      name: u.name,
      role: u.role,
      password: DEMO_PASSWORD,
      ...demoSecondFactor(u.email),
    });
  }
  const police = users.police!,
    police2 = users.police2!,
    social = users.social!,
    social2 = users.social2!;
  const probation = users.probation!,
    probation2 = users.probation2!;
  const agencyUser: Record<Agency, { id: string }> = { POLICE: police, SOCIAL: social, PROBATION: probation };

  // ── groups ──
  const groups = [];
  for (const g of GROUPS) {
    groups.push(
      await createGroup(db, {
        siteId: malmo.id,
        createdById: police.id,
        name: g.name,
        district: g.district,
        isPrioritized: g.prioritized,
        prioritizedAt: g.prioritized ? at("2020-06-01", 9) : null,
        prioritizedById: g.prioritized ? police.id : null,
      }),
    );
  }
  // The last one ended: the group page shows ended relations as history, the map only those in force.
  const relations: [number, number, "RIVALRY" | "ALLIANCE", string, string?][] = [
    [0, 2, "RIVALRY", "2019-02-01"],
    [0, 1, "ALLIANCE", "2018-06-01"],
    [2, 3, "ALLIANCE", "2019-05-01"],
    [4, 5, "RIVALRY", "2018-09-15"],
    [6, 7, "RIVALRY", "2020-01-10"],
    [1, 3, "RIVALRY", "2018-03-01", "2019-11-30"],
  ];
  for (const [a, b, kind, from, to] of relations) {
    await createGroupRelation(db, {
      siteId: malmo.id,
      groupAId: groups[a]!.id,
      groupBId: groups[b]!.id,
      kind,
      validFrom: day(from),
      validTo: to ? day(to) : null,
      sourceAgency: "POLICE",
      createdById: police.id,
    });
  }

  // ── people ──
  const PEOPLE = 170;
  const people: { id: string }[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const birth = new Date(Date.UTC(rng.int(1988, 2003), rng.int(0, 11), rng.int(1, 28)));
    const coordination = i % 37 === 36; // a few samordningsnummer
    people.push(
      await createPerson(db, {
        siteId: malmo.id,
        createdById: police.id,
        createdAt: at("2018-03-01", 8),
        firstName: rng.pick(FIRST_NAMES),
        lastName: rng.pick(LAST_NAMES),
        identityNumber: generateIdentityNumber(birth, 100 + i * 3, coordination),
        aliases: rng.chance(0.3) ? [rng.pick(ALIASES)] : [],
      }),
    );
  }
  const person = (i: number) => people[i]!.id;

  // Memberships: everyone belongs to one group, some to a second; intelligence is graded.
  for (let i = 0; i < PEOPLE; i++) {
    const g = i === 23 ? 0 : i % GROUPS.length;
    await createMembership(db, {
      siteId: malmo.id,
      personId: person(i),
      groupId: groups[g]!.id,
      createdById: police.id,
      validFrom: day(`${rng.int(2016, 2019)}-0${rng.int(1, 9)}-01`),
      role: i % 19 === 0 ? "LEADER" : i % 5 === 0 ? "CORE_MEMBER" : i % 7 === 0 ? "ASSOCIATE" : "MEMBER",
      confidence: i % 4 === 0 ? "CONFIRMED" : i % 4 === 3 ? "UNCONFIRMED" : "PROBABLE",
      reviewDueOn: day(i % 6 === 0 ? "2026-10-01" : "2027-03-01"),
    });
    if (i % 11 === 0) {
      await createMembership(db, {
        siteId: malmo.id,
        personId: person(i),
        groupId: groups[(g + 3) % GROUPS.length]!.id,
        createdById: police.id,
        validFrom: day("2017-01-01"),
        validTo: day("2018-12-31"),
        confidence: "UNCONFIRMED",
        reviewDueOn: day("2027-03-01"),
      });
    }
  }

  // Caseloads: a police coordinator for everyone; social services and probation for some.
  for (let i = 0; i < PEOPLE; i++) {
    await createAssignment(db, {
      siteId: malmo.id,
      personId: person(i),
      userId: i % 2 === 0 ? police.id : police2.id,
      agency: "POLICE",
    });
    if (i < 60)
      await createAssignment(db, {
        siteId: malmo.id,
        personId: person(i),
        userId: i % 3 === 0 ? social2.id : social.id,
        agency: "SOCIAL",
      });
    if (i >= 20 && i < 110 && i % 2 === 0) {
      await createAssignment(db, {
        siteId: malmo.id,
        personId: person(i),
        userId: i % 4 === 0 ? probation2.id : probation.id,
        agency: "PROBATION",
      });
    }
  }

  // ── custom notifications ──
  const rounds = {
    may: await createNotificationRound(db, {
      siteId: malmo.id,
      createdById: police.id,
      name: DEMO_ROUNDS.may.name,
      startsOn: day(DEMO_ROUNDS.may.startsOn),
      endsOn: day(DEMO_ROUNDS.may.endsOn),
    }),
    latest: await createNotificationRound(db, {
      siteId: malmo.id,
      createdById: police.id,
      name: DEMO_ROUNDS.latest.name,
      startsOn: day(DEMO_ROUNDS.latest.startsOn),
      endsOn: day(DEMO_ROUNDS.latest.endsOn),
    }),
  };
  const notificationIds = new Map<number, string>();

  type NotificationSpec = {
    i: number;
    when: Date;
    roundId?: string;
    outcome?: "DELIVERED" | "ATTEMPTED" | "NOT_FOUND" | "REFUSED";
    response?: PersonResponse;
    askedForHelp?: boolean;
    place?: PlaceType;
    nextStep?: string;
  };
  const notify = async (s: NotificationSpec) => {
    const place: PlaceType =
      s.place ??
      (s.i >= 20 && s.i < 110 && s.i % 2 === 0
        ? "PROBATION_OFFICE"
        : rng.pick(["HOME", "HOME", "STREET", "OTHER"] as const));
    const agencies: Agency[] = place === "PROBATION_OFFICE" ? ["POLICE", "SOCIAL", "PROBATION"] : ["POLICE", "SOCIAL"];
    const outcome = s.outcome ?? "DELIVERED";
    const n = await createNotification(db, {
      siteId: malmo.id,
      personId: person(s.i),
      roundId: s.roundId ?? null,
      occurredAt: s.when,
      placeType: place,
      agencies,
      outcome,
      response:
        outcome === "DELIVERED"
          ? (s.response ?? rng.pick(["POSITIVE", "POSITIVE", "NEUTRAL", "NEUTRAL", "NEGATIVE"] as const))
          : null,
      askedForHelpOnSite: Boolean(s.askedForHelp),
      nextStep: s.nextStep ?? (s.askedForHelp ? "Kontakt med avhopparverksamheten inom en vecka." : null),
      createdById: police.id,
      createdByAgency: "POLICE",
      participants: { create: agencies.map((a) => ({ userId: agencyUser[a].id })) },
    });
    if (outcome === "DELIVERED" && !notificationIds.has(s.i)) notificationIds.set(s.i, n.id);
    return n;
  };

  // Earlier work, 2018–2019: people 47–105, and some seen again later.
  for (const i of range(47, 105)) {
    await notify({
      i,
      when: at(
        `${rng.int(2018, 2019)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`,
        rng.int(8, 17),
      ),
    });
  }
  // May 2020: 23 people in two weeks (people 24–46).
  const may = range(24, 46);
  for (const [k, i] of may.entries()) {
    await notify({
      i,
      when: at(isoDay(addDays(day(DEMO_ROUNDS.may.startsOn), k % 12)), 9 + (k % 8)),
      roundId: rounds.may.id,
      askedForHelp: false,
    });
  }
  // The latest round, autumn 2020: 24 people (0–23), 5 asked for help on the spot (0–4); two were
  // not found at the first attempt. Person 23 ignored the message (see the enforcement below).
  for (const i of [5, 6]) {
    await notify({ i, when: at(DEMO_ROUNDS.latest.startsOn, 10), roundId: rounds.latest.id, outcome: "NOT_FOUND" });
  }
  for (const i of range(0, 23)) {
    await notify({
      i,
      when: at(isoDay(addDays(day(DEMO_ROUNDS.latest.startsOn), 1 + (i % 11))), 9 + (i % 8)),
      roundId: rounds.latest.id,
      askedForHelp: i < 5,
      response: i < 5 ? "POSITIVE" : i === 23 ? "NEGATIVE" : undefined,
    });
  }
  // "Several of them have been sought out again": repeat visits outside the rounds.
  for (const i of [50, 52, 55, 61, 70, 88, 30, 33]) {
    await notify({ i, when: at(`2020-0${rng.int(1, 4)}-${String(rng.int(10, 28)).padStart(2, "0")}`, 14) });
  }

  // Internal notes of two agencies on the same visit: each visible to its own agency only.
  const noted = notificationIds.get(0)!;
  await createInternalNote(db, {
    siteId: malmo.id,
    agency: "POLICE",
    notificationId: noted,
    body: "Polisens interna anteckning: uppgifter om hot mot personen.",
    createdById: police.id,
  });
  await createInternalNote(db, {
    siteId: malmo.id,
    agency: "SOCIAL",
    notificationId: noted,
    body: "Socialtjänstens interna anteckning: familjens situation.",
    createdById: social.id,
  });

  // ── call-ins, before the pandemic replaced them with custom notifications ──
  const callIns = [
    { when: at("2018-10-03", 17), venue: "Rådhuset, sessionssalen", invitees: range(106, 117) },
    { when: at("2019-03-20", 17), venue: "Stadshuset, stora salen", invitees: range(118, 130) },
    { when: at("2019-11-13", 17), venue: "Rådhuset, sessionssalen", invitees: [...range(131, 139), 60, 62] },
  ];
  for (const c of callIns) {
    const callIn = await createCallIn(db, {
      siteId: malmo.id,
      occurredAt: c.when,
      venue: c.venue,
      createdById: police.id,
      createdByAgency: "POLICE",
      speakers: {
        create: [
          { kind: "POLICE", userId: police.id },
          { kind: "SOCIAL", userId: social.id },
          { kind: "PROBATION", userId: probation.id },
          { kind: "COMMUNITY", name: "Mamma i Malmö (förening)" },
        ],
      },
    });
    for (const [k, i] of c.invitees.entries()) {
      const attended = k % 5 !== 4;
      await createCallInInvitee(db, {
        callInId: callIn.id,
        personId: person(i),
        status: attended ? "ATTENDED" : "ABSENT",
        response: attended ? rng.pick(["POSITIVE", "NEUTRAL", "NEGATIVE"] as const) : null,
        askedForHelp: attended && k % 6 === 0,
      });
    }
  }

  // ── the defector programme ──
  const refer = async (
    i: number,
    referredAt: Date,
    path: ("CONTACTED" | "ASSESSED" | "IN_PROGRAMME" | "COMPLETED" | "DISCONTINUED" | "DECLINED")[],
    sourceNotification = true,
  ) => {
    let status: ReferralStatus = "REFERRED";
    let when = referredAt;
    const history: {
      fromStatus: ReferralStatus | null;
      toStatus: ReferralStatus;
      changedAt: Date;
      changedById: string;
    }[] = [{ fromStatus: null, toStatus: "REFERRED", changedAt: referredAt, changedById: social.id }];
    for (const step of path) {
      when = addDays(when, rng.int(3, 20));
      history.push({ fromStatus: status, toStatus: step, changedAt: when, changedById: social.id });
      status = step;
    }
    const closed = ["COMPLETED", "DISCONTINUED", "DECLINED"].includes(status);
    const referral = await createReferral(db, {
      siteId: malmo.id,
      personId: person(i),
      status,
      statusChangedAt: when,
      source: sourceNotification ? "CUSTOM_NOTIFICATION" : "SELF",
      notificationId: sourceNotification ? (notificationIds.get(i) ?? null) : null,
      referredAt,
      closedAt: closed ? when : null,
      createdById: social.id,
      history: { create: history },
    });
    // Recorded by social services, covering everything; probation has confirmed it (its
    // follow-ups are then open to social services) except for one person, whose request still
    // waits on the probation officers' start page.
    await createConsent(db, {
      siteId: malmo.id,
      personId: person(i),
      recordedByAgency: "SOCIAL",
      documentReference: `SAMTYCKE-${referredAt.getUTCFullYear()}-${String(i).padStart(4, "0")}`,
      givenOn: referredAt,
      createdById: social.id,
      confirmedBy: i === 3 ? {} : { PROBATION: probation.id },
    });
    return referral;
  };

  // May 2020: 7 of the 23 sought support; 2 were helped to move to another town.
  const mayReferrals = [
    { i: 24, path: ["CONTACTED", "ASSESSED", "IN_PROGRAMME", "COMPLETED"] as const, relocateTo: "Ort A (skyddad)" },
    { i: 25, path: ["CONTACTED", "ASSESSED", "IN_PROGRAMME"] as const, relocateTo: "Ort B (skyddad)" },
    { i: 26, path: ["CONTACTED", "ASSESSED", "IN_PROGRAMME"] as const },
    { i: 27, path: ["CONTACTED", "ASSESSED"] as const },
    { i: 28, path: ["CONTACTED", "DISCONTINUED"] as const },
    { i: 29, path: ["CONTACTED"] as const },
    { i: 30, path: ["CONTACTED", "ASSESSED", "DECLINED"] as const },
  ];
  for (const [k, r] of mayReferrals.entries()) {
    const referral = await refer(r.i, at(isoDay(addDays(day(DEMO_ROUNDS.may.startsOn), 3 + k * 4)), 10), [...r.path]);
    const measures: {
      type: "HOUSING" | "EMPLOYMENT" | "TREATMENT" | "DEBT_ADVICE";
      status: "ONGOING" | "COMPLETED";
    }[] = [{ type: k % 2 === 0 ? "EMPLOYMENT" : "TREATMENT", status: "ONGOING" }];
    if (k === 0) measures.push({ type: "DEBT_ADVICE", status: "COMPLETED" });
    if (r.path.includes("ASSESSED" as never)) {
      for (const m of measures) {
        await createSupportMeasure(db, {
          siteId: malmo.id,
          referralId: referral.id,
          personId: person(r.i),
          type: m.type,
          status: m.status,
          startsOn: day("2020-07-01"),
          createdById: social.id,
        });
      }
    }
    if ("relocateTo" in r && r.relocateTo) {
      await createSupportMeasure(db, {
        siteId: malmo.id,
        referralId: referral.id,
        personId: person(r.i),
        type: "RELOCATION",
        status: "COMPLETED",
        startsOn: day("2020-06-15"),
        endsOn: day("2020-07-01"),
        outcome: "Flyttat till annan ort.",
        destinationTown: r.relocateTo,
        createdById: social.id,
      });
      await db.person.update({
        where: { id: person(r.i) },
        data: {
          status: "RELOCATED",
          statusSince: at("2020-07-01", 12),
          hasProtectedIdentity: true,
          protectedTown: r.relocateTo,
          protectedAddress: "Skyddad adress",
        },
      });
    }
  }
  // The latest round's five who asked for help on the spot were referred at once.
  for (const i of range(0, 4)) await refer(i, at("2020-09-28", 10), i < 2 ? ["CONTACTED", "ASSESSED"] : ["CONTACTED"]);
  // Earlier exits, 2018–2019.
  await refer(47, at("2018-11-05", 10), ["CONTACTED", "ASSESSED", "IN_PROGRAMME", "COMPLETED"]);
  await refer(48, at("2019-01-14", 10), ["CONTACTED", "ASSESSED", "IN_PROGRAMME", "DISCONTINUED"]);
  await refer(49, at("2019-04-02", 10), ["CONTACTED", "DECLINED"]);
  await refer(107, at("2018-10-20", 10), ["CONTACTED", "ASSESSED", "IN_PROGRAMME", "COMPLETED"], false);

  // ── probation follow-ups after notifications ──
  for (const i of range(20, 109).filter((x) => x % 2 === 0 && notificationIds.has(x))) {
    const notifiedAt = await db.customNotification.findUniqueOrThrow({
      where: { id: notificationIds.get(i)! },
      select: { occurredAt: true },
    });
    const due = addDays(notifiedAt.occurredAt, 14);
    const done = i % 10 !== 0; // a few are still open: the overdue list
    await createFollowUp(db, {
      siteId: malmo.id,
      personId: person(i),
      agency: "PROBATION",
      assignedToId: i % 4 === 0 ? probation2.id : probation.id,
      notificationId: notificationIds.get(i)!,
      dueOn: day(isoDay(due)),
      doneAt: done ? addDays(due, rng.int(-3, 5)) : null,
      contactType: done ? rng.pick(["MEETING", "PHONE"] as const) : null,
      summary: done ? "Uppföljande samtal genomfört." : null,
      createdById: probation.id,
    });
  }

  // ── individual plans (issue 15) for three people in the defector programme ──
  await seedDemoPlans(db, { siteId: malmo.id, personIds: [person(24), person(25), person(26)], users: agencyUser });

  // ── deprived of liberty: 42 people from earlier work, and the one who ignored the message ──
  const deprived = [...range(80, 121), 23];
  for (const i of deprived) {
    const when =
      i === 23 ? at("2020-09-29", 6) : at(`2020-0${rng.int(1, 8)}-${String(rng.int(1, 28)).padStart(2, "0")}`, 6);
    await db.person.update({ where: { id: person(i) }, data: { status: "DEPRIVED_OF_LIBERTY", statusSince: when } });
    await createEnforcementAction(db, {
      siteId: malmo.id,
      personId: person(i),
      type: i === 23 ? "WEAPON_SEIZURE" : rng.pick(["ARREST", "DETENTION"] as const),
      occurredAt: when,
      description: i === 23 ? "Påträffad med vapen efter ignorerat budskap." : null,
      createdById: police.id,
    });
    if (i === 23) {
      await createEnforcementAction(db, {
        siteId: malmo.id,
        personId: person(i),
        type: "DETENTION",
        occurredAt: addDays(when, 3),
        description: "Häktad i väntan på åtal.",
        createdById: police.id,
      });
    }
  }
  await createEnforcementAction(db, {
    siteId: malmo.id,
    groupId: groups[0]!.id,
    type: "SEARCH",
    occurredAt: at("2020-09-30", 5),
    description: "Fokuserade insatser mot grupperingen.",
    createdById: police.id,
  });

  // ── shootings and other serious violence ──
  const yearEnd: Record<number, string> = { 2017: "12-31", 2018: "12-31", 2019: "12-31", 2020: "09-30" };
  const incidents = [];
  for (const [yearText, count] of Object.entries(DEMO_SHOOTINGS_PER_YEAR)) {
    const year = Number(yearText);
    const lastDay = day(`${year}-${yearEnd[year]}`);
    const span = Math.round((lastDay.getTime() - day(`${year}-01-01`).getTime()) / 86_400_000);
    for (let k = 0; k < count; k++) {
      const when = addDays(day(`${year}-01-01`), Math.floor(((k + rng.next()) / count) * span));
      incidents.push(incident(rng, malmo.id, police.id, when, "SHOOTING"));
    }
    for (let k = 0; k < Math.round(count / 4); k++) {
      incidents.push(
        incident(
          rng,
          malmo.id,
          police.id,
          addDays(day(`${year}-01-01`), rng.int(0, span)),
          rng.pick(["EXPLOSION", "STABBING", "OTHER_VIOLENCE"] as const),
        ),
      );
    }
  }
  await createIncidents(db, incidents);
  const fatal = await db.incident.findMany({
    where: { siteId: malmo.id, killed: { gt: 0 } },
    select: { id: true },
    take: 12,
    orderBy: { occurredAt: "desc" },
  });
  for (const [k, inc] of fatal.entries()) {
    await createIncidentGroup(db, { incidentId: inc.id, groupId: groups[k % 3]!.id, role: "SUSPECTED" });
  }

  // ── a register extract request, approved, waiting for the administrator to produce it ──
  // The four-eyes flow (docs/decisions/007): registered by the administrator, approved by the
  // manager. Synthetic like everything here; the demo's audit log starts empty, so the steps show
  // on the request, not yet in the log.
  await createRegisterExtractRequest(db, {
    siteId: malmo.id,
    personId: person(5),
    requester: "DATA_SUBJECT",
    receivedOn: day("2020-10-05"),
    identityCheck: "E_IDENTIFICATION",
    reference: "KS 2020/0815",
    registeredById: users.admin!.id,
    registeredAt: at("2020-10-06", 9),
    status: "APPROVED",
    decidedById: users.manager!.id,
    decidedAt: at("2020-10-06", 14),
  });

  // ── Örebro: a few records, never visible from Malmö ──
  const orebroGroup = await createGroup(db, {
    siteId: orebro.id,
    createdById: users.orebroPolice!.id,
    name: "Vivalla-nätverket (demo)",
  });
  for (let i = 0; i < 6; i++) {
    const p = await createPerson(db, {
      siteId: orebro.id,
      createdById: users.orebroPolice!.id,
      firstName: rng.pick(FIRST_NAMES),
      lastName: rng.pick(LAST_NAMES),
      identityNumber: generateIdentityNumber(new Date(Date.UTC(1999, i, 10)), 700 + i),
    });
    await createMembership(db, {
      siteId: orebro.id,
      personId: p.id,
      groupId: orebroGroup.id,
      createdById: users.orebroPolice!.id,
    });
  }

  await seedDemoVisits(db, {
    siteId: malmo.id,
    rounds,
    person,
    users: { police, social, probation },
    delivered: notificationIds,
  });
  await seedDemoMeetings(db, {
    siteId: malmo.id,
    users: { police: police.id, social: social.id, probation: probation.id },
    personIds: [person(0), person(1), person(2)],
  });
  await seedDemoVetting(db, { adminId: users.admin!.id });
  await seedDemoTransfers(db, { fromSiteId: malmo.id, toSiteId: orebro.id, personId: person(24), socialId: social.id });
  await setSystemSetting(db, "demoData", "true");
  return { people: PEOPLE + 6, users: DEMO_USERS.length + OREBRO_USERS.length };
}

function incident(rng: ReturnType<typeof prng>, siteId: string, createdById: string, when: Date, type: IncidentType) {
  const killed = type === "SHOOTING" && rng.chance(0.15) ? 1 : 0;
  const injured = rng.chance(0.35) ? rng.int(1, 2) : 0;
  return {
    siteId,
    createdById,
    occurredAt: new Date(when.getTime() + rng.int(0, 23) * 3_600_000),
    type,
    district: rng.pick(DISTRICTS),
    killed,
    injured,
    groupMemberInvolvement: rng.pick(["YES", "YES", "YES", "NO", "UNKNOWN"] as const),
  };
}
