import type { Role } from "@/lib/generated/prisma/enums";

type Colleague = { id: string; name: string; role: Role };

/** Colleagues as speaker choices, one list per agency (a speaker speaks for their own agency). */
export function speakerOptions(colleagues: Colleague[]) {
  const of = (role: Role) => colleagues.filter((c) => c.role === role).map((c) => ({ value: c.id, label: c.name }));
  return { POLICE: of("POLICE"), SOCIAL: of("SOCIAL"), PROBATION: of("PROBATION") };
}
