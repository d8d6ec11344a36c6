import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

/** Whether the demo seed is loaded (the UI then marks every page "Demodata"). Not personal data. */
export const isDemoData = cache(async (): Promise<boolean> => {
  const setting = await db.systemSetting.findUnique({ where: { key: "demoData" } });
  return setting?.value === "true";
});
