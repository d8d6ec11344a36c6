import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRoundRobinProxy, type RoundRobinProxy } from "../../scripts/lib/round-robin-proxy";

/*
 * The loopback load balancer of the several-instances tests and bench (scripts/lib/round-robin-proxy.ts):
 * one request to each instance in turn, pinned when asked, everything passed through as sent.
 */

type Seen = { host?: string; forwardedFor?: string; body: string; method?: string; url?: string };

let servers: http.Server[] = [];
let proxy: RoundRobinProxy;
const seen: Seen[][] = [[], []];

beforeAll(async () => {
  servers = await Promise.all(
    [0, 1].map(
      (i) =>
        new Promise<http.Server>((resolve) => {
          const server = http.createServer((req, res) => {
            let body = "";
            req.on("data", (c: Buffer) => (body += c.toString()));
            req.on("end", () => {
              seen[i]!.push({
                host: req.headers.host,
                forwardedFor: req.headers["x-forwarded-for"] as string | undefined,
                body,
                method: req.method,
                url: req.url,
              });
              res.writeHead(201, { "x-instance": String(i), "set-cookie": ["a=1", "b=2"] });
              res.end(`instance ${i}`);
            });
          });
          server.listen(0, "127.0.0.1", () => resolve(server));
        }),
    ),
  );
  proxy = await startRoundRobinProxy(servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`));
});

afterAll(async () => {
  await proxy.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe("the round-robin proxy", () => {
  it("sends each request to the next instance and passes status, headers, body and Host through", async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${proxy.url}/x?i=${i}`, { method: "POST", body: `form ${i}` });
      answers.push({ status: res.status, instance: res.headers.get("x-instance"), text: await res.text() });
      expect(res.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    }
    expect(answers.map((a) => a.instance)).toEqual(["0", "1", "0", "1"]);
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(seen[0]!.map((s) => s.body)).toEqual(["form 0", "form 2"]);
    expect(seen[1]!.map((s) => s.url)).toEqual(["/x?i=1", "/x?i=3"]);
    expect(seen[0]![0]!.host).toBe(`127.0.0.1:${proxy.port}`);
    // It vouches for nobody: the app's own server appends the peer (the proxy) itself.
    expect(seen[0]![0]!.forwardedFor).toBeUndefined();
    expect(proxy.log.map((r) => r.instance)).toEqual([0, 1, 0, 1]);
  });

  it("sends everything to one instance while pinned, and alternates again after", async () => {
    proxy.pin(1);
    const pinned = [];
    for (let i = 0; i < 3; i++) pinned.push((await fetch(proxy.url)).headers.get("x-instance"));
    proxy.pin(null);
    const after = [];
    for (let i = 0; i < 2; i++) after.push((await fetch(proxy.url)).headers.get("x-instance"));
    expect(pinned).toEqual(["1", "1", "1"]);
    expect(new Set(after)).toEqual(new Set(["0", "1"]));
    expect(() => proxy.pin(2)).toThrow();
  });
});
