import "server-only";
import { ConflictError, NotFoundError } from "@/lib/errors";

type VersionedDelegate<W> = {
  updateMany(args: { where: W; data: Record<string, unknown> }): Promise<{ count: number }>;
  count(args: { where: W }): Promise<number>;
};

/**
 * Optimistic locking: updates the record only if it still has the version the user saw, and
 * bumps the version. Zero rows updated means someone saved in between (ConflictError, and the
 * form keeps the user's input) or the record is gone or not the actor's to edit (NotFoundError).
 * `where` must already hold the actor's scope from lib/authz.
 */
export async function updateVersioned<W extends object>(
  delegate: VersionedDelegate<W>,
  { where, id, version, data }: { where: W; id: string; version: number; data: Record<string, unknown> },
): Promise<void> {
  const scoped = { AND: [where, { id }] } as unknown as W;
  const result = await delegate.updateMany({
    where: { AND: [where, { id, version }] } as unknown as W,
    data: { ...data, version: { increment: 1 } },
  });
  if (result.count === 1) return;
  if ((await delegate.count({ where: scoped })) === 0) throw new NotFoundError();
  throw new ConflictError();
}
