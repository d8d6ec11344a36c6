import "server-only";
import pino from "pino";
import { logLevel } from "@/lib/env";

/**
 * Structured JSON-lines log. Never log personnummer, names or note text: log ids. The redaction
 * list is a second line of defence for fields that should not be there in the first place.
 */
export const logger = pino({
  level: logLevel(),
  base: { app: "samverkan" },
  redact: {
    paths: ["password", "*.password", "identityNumber", "*.identityNumber", "body", "*.body", "note", "*.note", "email", "*.email"],
    censor: "[redacted]",
  },
});
