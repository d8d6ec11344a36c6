import "next-auth";

declare module "next-auth" {
  interface Session {
    /** When the user signed in (ms since epoch): compared with User.sessionsValidAfter. */
    authTime: number;
  }
}
