/** Whether someone born on `birthDate` is under 18 on `on` (both calendar dates at 00:00 UTC). */
export function isMinorOn(birthDate: Date | null, on: Date): boolean {
  if (!birthDate) return false;
  const eighteenth = new Date(
    Date.UTC(birthDate.getUTCFullYear() + 18, birthDate.getUTCMonth(), birthDate.getUTCDate()),
  );
  // Born on 29 February: Date.UTC rolls a missing 29 Feb over to 1 March, the Swedish reading too.
  return on.getTime() < eighteenth.getTime();
}

/**
 * A minor's consent counts only with the guardian's (vårdnadshavare) consent too (docs/confidentiality.md). When
 * the birth date is unknown the rule cannot be applied; the form then says so, and the person's
 * age is the recording user's to check against the signed document.
 */
export function needsGuardianConsent(birthDate: Date | null, givenOn: Date): boolean {
  return isMinorOn(birthDate, givenOn);
}
