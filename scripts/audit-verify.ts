/**
 * `npm run audit:verify [-- --anchor ID:HASH]`: walks the audit log's hash chain and reports the
 * first broken link. Each row's digest is computed here (node:crypto) from the columns' text as
 * the server sends it, never by a function or cast of the database being checked: a superuser
 * could redefine those to approve an edited row (lib/audit/verify.ts).
 *
 *   exit 0  the chain is whole (prints the head: keep it outside the database and pass it as
 *           --anchor next time, which also catches rows cut off at the end)
 *   exit 1  a link is broken (prints which row and how)
 *   exit 2  the check could not run (no database, bad arguments)
 *
 * Uses DATABASE_URL, or the local embedded PostgreSQL like the other scripts.
 */
import { formatAnchor, parseAnchor, verifyAuditChain, type Anchor } from "@/lib/audit/verify";
import { startCluster } from "./lib/local-db";

function parseArgs(argv: string[]): { anchor?: Anchor } {
  const i = argv.indexOf("--anchor");
  if (i === -1) return {};
  const anchor = parseAnchor(argv[i + 1] ?? "");
  if (!anchor) throw new Error("--anchor wants ID:HASH as printed by an earlier run (the head).");
  return { anchor };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const cluster = await startCluster("app", { quiet: true });
  try {
    const started = Date.now();
    const report = await verifyAuditChain(cluster.url, args);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (report.ok) {
      console.log(`Audit log intact: ${report.checked} events checked in ${seconds} s.`);
      console.log(
        `Head (keep it; pass it as --anchor next time): ${report.head ? formatAnchor(report.head) : "none (empty log)"}`,
      );
      return 0;
    }
    const b = report.firstBreak!;
    const what = {
      prevHash: "its prevHash is not the hash of the row before it (a row was deleted, inserted or edited before it)",
      hash: "its hash does not match its content (the row was edited)",
      anchor:
        b.found === null
          ? "the anchored row is gone (rows were cut off or rewritten)"
          : "the anchored row's hash changed (the chain was rewritten)",
    }[b.kind];
    console.error(`Audit log BROKEN at event id ${b.id}: ${what}.`);
    console.error(`  expected ${b.expected}`);
    console.error(`  found    ${b.found ?? "(no row)"}`);
    console.error(`  ${report.checked} events checked; the chain is intact before id ${b.id}.`);
    return 1;
  } finally {
    await cluster.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
