import { z } from "zod";
import { ZPage } from "@/lib/pagination";

export const ZFindPeople = z.object({
  q: z.string().trim().max(100).catch(""),
  page: ZPage,
});
export type TFindPeople = z.infer<typeof ZFindPeople>;
