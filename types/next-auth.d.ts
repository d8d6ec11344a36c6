import "next-auth";

declare module "next-auth" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface Session {
    /** The server-side session (lib/auth/sessions.ts) this cookie stands for. */
    sessionId: string;
  }
}
