/**
 * `npm run audit:verify [-- --anchor ID:HASH] [--no-chain]`: links the events still waiting to be
 * chained (audit_chain(), as the app does; --no-chain looks without writing), then walks the
 * audit log's hash chain and reports the first broken link. Each row's digest is computed here (node:crypto) from the columns' text as
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
import { chainAuditLog } from "@/lib/audit/chain";
import { formatAnchor, parseAnchor, verifyAuditChain, type Anchor } from "@/lib/audit/verify";
import { startCluster } from "./lib/local-db";

function parseArgs(argv: string[]): { anchor?: Anchor; chain: boolean } {
  const chain = !argv.includes("--no-chain");
  const i = argv.indexOf("--anchor");
  if (i === -1) return { chain };
  const anchor = parseAnchor(argv[i + 1] ?? "");
  if (!anchor) throw new Error("--anchor wants ID:HASH as printed by an earlier run (the head).");
  return { anchor, chain };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const cluster = await startCluster("app", { quiet: true });
  try {
    const started = Date.now();
    // A run of the chainer first: what committed before now is then in the chain, not pending.
    // The digests it writes are the database's; the check below recomputes every one in Node.
    const linked = args.chain ? await chainAuditLog(cluster.url) : 0;
    const report = await verifyAuditChain(cluster.url, { anchor: args.anchor });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (linked > 0) console.log(`Chained ${linked} events that were waiting.`);
    if (report.ok) {
      console.log(`Audit log intact: ${report.checked} events checked in ${seconds} s.`);
      if (report.pending > 0)
        console.log(`${report.pending} more events committed meanwhile and wait to be chained (not checked yet).`);
      console.log(
        `Head (keep it; pass it as --anchor next time): ${report.head ? formatAnchor(report.head) : "none (empty log)"}`,
      );
      return 0;
    }
    const b = report.firstBreak!;
    const what = {
      prevHash:
        "its link's prevHash is not the hash of the link before it (a link was removed, inserted or rewritten before it)",
      hash: "its content does not match its link's hash (the event was edited)",
      missing: "the event its link names is gone (the event was deleted)",
      duplicate: "a second link names this event (a link was forged)",
      unchained:
        "the event is neither in the chain nor waiting to be chained (written with the triggers off, or its link was cut off)",
      anchor:
        b.found === null
          ? "the anchored event's link is gone (links were cut off or rewritten)"
          : "the anchored event's hash changed (the chain was rewritten)",
    }[b.kind];
    const at = b.position === null ? "" : ` (chain position ${b.position})`;
    console.error(`Audit log BROKEN at event id ${b.id}${at}: ${what}.`);
    console.error(`  expected ${b.expected}`);
    console.error(`  found    ${b.found ?? "(no row)"}`);
    console.error(
      b.position === null
        ? `  ${report.checked} links checked, all intact.`
        : `  ${report.checked} links checked; the chain is intact before position ${b.position}.`,
    );
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
