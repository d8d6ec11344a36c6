/**
 * How long a produced extract can be opened, by the administrator who produced it: long enough to
 * print it and save the two files for each agency's secrecy review (a few minutes' work), short
 * enough that the production is one event rather than a standing door to the whole file.
 * Afterwards nobody can open it again; another extract needs another approved request.
 */
export const EXTRACT_OPEN_MINUTES = 30;

/** The instant after which a production made at `producedAt` no longer opens. */
export function extractOpenUntil(producedAt: Date): Date {
  return new Date(producedAt.getTime() + EXTRACT_OPEN_MINUTES * 60_000);
}

export function isExtractOpen(producedAt: Date | null, now: Date): boolean {
  return producedAt !== null && now.getTime() < extractOpenUntil(producedAt).getTime();
}
