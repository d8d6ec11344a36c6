import { z } from "zod";

export const PAGE_SIZE = 25;

/** `?page=` from the URL: a positive integer, anything else is page 1. */
export const ZPage = z.coerce.number().int().min(1).max(100_000).catch(1);

export type Page<T> = { items: T[]; total: number; page: number; pageCount: number; pageSize: number };

export function pageArgs(page: number, pageSize = PAGE_SIZE) {
  return { skip: (page - 1) * pageSize, take: pageSize };
}

export function toPage<T>(items: T[], total: number, page: number, pageSize = PAGE_SIZE): Page<T> {
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
