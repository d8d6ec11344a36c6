import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** The app's client, a transaction's, the seed's or the end-to-end tests' own. */
export type Client = PrismaClient | Prisma.TransactionClient;

let counter = 0;
/** A number for names and references that must differ within one process (emails, site codes). */
export const next = () => ++counter;
