import "next-auth";

declare module "next-auth" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface Session {
    /** When the user signed in (ms since epoch): compared with User.sessionsValidAfter. */
    authTime: number;
  }
}
