import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import { totpUri } from "./totp";

/** What the enrolment page shows: the QR code (SVG) and the key in groups of four for typing. */
export async function enrolmentView(
  userId: string,
  secret: string,
): Promise<{ qrSvg: string; manualKey: string } | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return null;
  const qrSvg = await QRCode.toString(totpUri(user.email, secret), {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 1,
  });
  return { qrSvg, manualKey: secret.match(/.{1,4}/g)!.join(" ") };
}
