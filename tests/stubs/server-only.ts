// Tests run outside Next's server bundle; `server-only` would refuse to load there.
export {};
