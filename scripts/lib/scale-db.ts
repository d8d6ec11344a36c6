import { databaseName, startCluster, withDatabase, type Cluster } from "./local-db";

/**
 * The scale test's own database, never the demo's: `samverkan_scale` on the local (embedded)
 * server, or `<name>_scale` beside DATABASE_URL. `npm run db:seed:scale` fills it, `npm run bench`
 * measures against it.
 */
export async function scaleDatabase(name?: string): Promise<{ cluster: Cluster; url: string }> {
  const cluster = await startCluster("app", { quiet: true });
  const external = process.env.DATABASE_URL;
  const database = name ?? (external ? `${databaseName(external)}_scale` : "samverkan_scale");
  return { cluster, url: withDatabase(cluster.url, database) };
}
