import { describe, expect, it } from "vitest";
import { renderDigest } from "./render";

const counts = (f: [number, number], m: [number, number]) => ({
  followUp: { overdue: f[0], due: f[1] },
  membershipReview: { overdue: m[0], due: m[1] },
  planMeasure: { overdue: 0, due: 0 },
  meetingTask: { overdue: 0, due: 0 },
  plannedVisit: { overdue: 0, due: 0 },
  consentLapsing: { overdue: 0, due: 0 },
});

describe("the digest's text", () => {
  it("says how many per kind, links to the list and to switching it off", () => {
    const { subject, text } = renderDigest({ counts: counts([2, 1], [0, 3]), appUrl: "https://samverkan.example/" });
    expect(subject).toBe("Samverkan: 2 försenade, 4 att göra de närmaste dagarna");
    expect(text).toContain("Uppföljningar: 2 försenade, 1 de närmaste dagarna");
    expect(text).toContain("Tillhörigheter att ompröva: 0 försenade, 3 de närmaste dagarna");
    expect(text).toContain("https://samverkan.example/todo");
    expect(text).toContain("https://samverkan.example/account/digest");
  });

  it("leaves out kinds with nothing due, and says so when nothing is", () => {
    expect(renderDigest({ counts: counts([0, 1], [0, 0]), appUrl: "http://x" }).text).not.toContain("Tillhörigheter");
    const empty = renderDigest({ counts: counts([0, 0], [0, 0]), appUrl: "http://x" });
    expect(empty.subject).toBe("Samverkan: inget försenat, 0 att göra de närmaste dagarna");
    expect(empty.text).toContain("Du har inget försenat och inget att göra");
  });
});
