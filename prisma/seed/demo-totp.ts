/**
 * The demo accounts' TOTP secrets (base32). Public on purpose, like the demo password: they let
 * anyone who demonstrates Samverkan, and the end-to-end tests, pass the second factor. Add a
 * secret to an authenticator app as a key, or print the current code with
 * `npm run demo:code -- polis@malmo.samverkan.test`. Real accounts enrol their own at first sign-in.
 */
export const DEMO_TOTP_SECRETS: Record<string, string> = {
  "polis@malmo.samverkan.test": "DEMOPOLISSAMVERKANSAMVERKANSAMVE",
  "polis2@malmo.samverkan.test": "DEMOPOLISTVASAMVERKANSAMVERKANSA",
  "social@malmo.samverkan.test": "DEMOSOCIALSAMVERKANSAMVERKANSAMV",
  "social2@malmo.samverkan.test": "DEMOSOCIALTVASAMVERKANSAMVERKANS",
  "frivard@malmo.samverkan.test": "DEMOFRIVARDSAMVERKANSAMVERKANSAM",
  "frivard2@malmo.samverkan.test": "DEMOFRIVARDTVASAMVERKANSAMVERKAN",
  "ledning@malmo.samverkan.test": "DEMOLEDNINGSAMVERKANSAMVERKANSAM",
  "admin@malmo.samverkan.test": "DEMOADMINSAMVERKANSAMVERKANSAMVE",
  "nationell@malmo.samverkan.test": "DEMONATIONELLSAMVERKANSAMVERKANS",
  "polis@orebro.samverkan.test": "DEMOOREBROPOLISSAMVERKANSAMVERKA",
  "social@orebro.samverkan.test": "DEMOOREBROSOCIALSAMVERKANSAMVERK",
};
