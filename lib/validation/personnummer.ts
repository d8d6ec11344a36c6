import Personnummer from "personnummer";
import type { IdentityNumberKind } from "@/lib/generated/prisma/enums";

export type ParsedIdentityNumber = {
  /** 12 digits, YYYYMMDDNNNC */
  normalized: string;
  kind: IdentityNumberKind;
  /** YYYY-MM-DD (for a samordningsnummer the real date, day − 60) */
  birthDate: string;
};

/**
 * Validates a personnummer or samordningsnummer in any form a person types (10 or 12 digits, with
 * or without `-`/`+`; `+` marks someone 100 or older) with date and Luhn check digit, using the
 * personnummer organisation's reference implementation.
 */
export function parseIdentityNumber(input: string): ParsedIdentityNumber | null {
  const value = input.trim().replace(/\s+/g, "");
  if (!/^(\d{6}|\d{8})[-+]?\d{4}$/.test(value)) return null;
  const options = { allowCoordinationNumber: true, allowInterimNumber: false };
  if (!Personnummer.valid(value, options)) return null;
  const pnr = Personnummer.parse(value, options);
  const normalized = pnr.format(true).replace(/\D/g, "");
  const date = pnr.getDate();
  const birthDate = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
  return {
    normalized,
    kind: pnr.isCoordinationNumber() ? "SAMORDNINGSNUMMER" : "PERSONNUMMER",
    birthDate,
  };
}

/** YYYYMMDD-NNNN */
export function formatIdentityNumber(normalized: string): string {
  return `${normalized.slice(0, 8)}-${normalized.slice(8)}`;
}

/** YYYYMMDD-XXXX: how a personnummer is shown until the user asks to reveal it (logged). */
export function maskIdentityNumber(normalized: string): string {
  return `${normalized.slice(0, 8)}-XXXX`;
}

/** The Luhn check digit of the 9 digits YYMMDDNNN. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * A valid, generated personnummer for synthetic data: the birth date, a serial number of three
 * digits (001–999), and the computed check digit. `coordination` adds 60 to the day (samordningsnummer).
 */
export function generateIdentityNumber(birthDate: Date, serial: number, coordination = false): string {
  const y = birthDate.getUTCFullYear();
  const m = String(birthDate.getUTCMonth() + 1).padStart(2, "0");
  const d = String(birthDate.getUTCDate() + (coordination ? 60 : 0)).padStart(2, "0");
  // Serial 000 is never issued (and the reference implementation rejects it): 001–999.
  const nnn = String((serial % 999) + 1).padStart(3, "0");
  const nine = `${String(y).slice(2)}${m}${d}${nnn}`;
  return `${y}${m}${d}${nnn}${luhnCheckDigit(nine)}`;
}
