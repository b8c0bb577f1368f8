import { type Activity, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import { AuthenticationConstants, ClaimsIdentity } from "botframework-connector";
import { describe, expect, it } from "vitest";
import { ReusingClientsAuthentication } from "../../src/channels/bot/reuse-clients.ts";

const botbuilderAuth = (appId = "") =>
  new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appId ? "not-a-real-secret" : "",
    MicrosoftAppType: "MultiTenant",
    MicrosoftAppTenantId: "",
  });

const activity = (serviceUrl: string): Activity =>
  ({
    type: "message",
    text: "hi",
    channelId: "test",
    serviceUrl,
    from: { id: "u" },
    recipient: { id: "bot" },
    conversation: { id: "c" },
  }) as Activity;

describe("reusing the Connector and user-token clients botbuilder builds per turn", () => {
  it("gives the same client for the same bot and service URL, another for another URL", async () => {
    const auth = new ReusingClientsAuthentication(botbuilderAuth());
    const first = await auth.authenticateRequest(activity("http://127.0.0.1:1"), "");
    const second = await auth.authenticateRequest(activity("http://127.0.0.1:1"), "");
    const a = await first.connectorFactory?.create("http://127.0.0.1:1", first.audience);
    const b = await second.connectorFactory?.create("http://127.0.0.1:1", second.audience);
    const other = await second.connectorFactory?.create("http://127.0.0.1:2", second.audience);
    expect(a).toBeDefined();
    expect(b).toBe(a);
    expect(other).not.toBe(a);
    // The client is botbuilder's own, aimed at the URL asked for.
    expect((a as unknown as { baseUri?: string }).baseUri ?? "").toContain("127.0.0.1:1");
    const t1 = await auth.createUserTokenClient(first.claimsIdentity);
    const t2 = await auth.createUserTokenClient(second.claimsIdentity);
    expect(t2).toBe(t1);
    expect(auth.kept).toEqual({ connectors: 2, userTokens: 1 });
  });

  it("keeps clients of different bot app ids apart", async () => {
    // (Authentication off, so botbuilder makes clients for any app id named in the claims.)
    const auth = new ReusingClientsAuthentication(botbuilderAuth());
    const claims = (appId: string) =>
      new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);
    const one = await auth.createConnectorFactory(claims("app-one")).create("https://smba.example/");
    const two = await auth.createConnectorFactory(claims("app-two")).create("https://smba.example/");
    const oneAgain = await auth.createConnectorFactory(claims("app-one")).create("https://smba.example/");
    expect(two).not.toBe(one);
    expect(oneAgain).toBe(one);
  });

  it("keeps at most `max` clients (a caller naming many service URLs cannot grow memory)", async () => {
    const auth = new ReusingClientsAuthentication(botbuilderAuth(), 5);
    const { connectorFactory } = await auth.authenticateRequest(activity("http://127.0.0.1:1"), "");
    const first = await connectorFactory?.create("http://127.0.0.1:0/");
    for (let i = 1; i <= 20; i++) await connectorFactory?.create(`http://127.0.0.1:${i}/`);
    expect(auth.kept.connectors).toBe(5);
    // The oldest was dropped: asking again builds a new one.
    expect(await connectorFactory?.create("http://127.0.0.1:0/")).not.toBe(first);
  });

  it("still refuses a request without a valid token when an app id is set", async () => {
    const auth = new ReusingClientsAuthentication(botbuilderAuth("app-one"));
    await expect(auth.authenticateRequest(activity("https://smba.example/"), "")).rejects.toThrow();
    await expect(
      auth.authenticateRequest(activity("https://smba.example/"), "Bearer forged"),
    ).rejects.toThrow();
  });
});
