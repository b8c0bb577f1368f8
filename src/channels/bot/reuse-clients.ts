import type { Activity } from "botbuilder";
import {
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication as Authentication,
  AuthenticationConstants,
  BotFrameworkAuthentication,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  type UserTokenClient,
} from "botframework-connector";

/** A small least-recently-used map of promises; a rejected promise is forgotten. */
class Recent<V> {
  readonly #items = new Map<string, Promise<V>>();
  constructor(readonly max: number) {}

  get size(): number {
    return this.#items.size;
  }

  get(key: string, make: () => Promise<V>): Promise<V> {
    let p = this.#items.get(key);
    if (p) {
      this.#items.delete(key);
      this.#items.set(key, p);
      return p;
    }
    p = make();
    this.#items.set(key, p);
    p.catch(() => {
      if (this.#items.get(key) === p) this.#items.delete(key);
    });
    if (this.#items.size > this.max) {
      const oldest = this.#items.keys().next().value;
      if (oldest !== undefined) this.#items.delete(oldest);
    }
    return p;
  }
}

/** The bot's app id in an inbound identity, as botbuilder's own authentication reads it. */
const appIdOf = (claims: ClaimsIdentity): string =>
  claims.getClaimValue(AuthenticationConstants.AudienceClaim) ??
  claims.getClaimValue(AuthenticationConstants.AppIdClaim) ??
  "";

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly appId: string,
    private readonly inner: ConnectorFactory,
    private readonly clients: Recent<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.clients.get(`${this.appId}\n${serviceUrl}\n${audience ?? ""}`, () =>
      this.inner.create(serviceUrl, audience),
    );
  }
}

/**
 * botbuilder's authentication, unchanged, except that the Connector and user-token clients it makes
 * for every turn are reused: one per (bot app id, service URL, audience), at most `max` kept. Building
 * a client (an HTTP pipeline of a dozen policies) cost ~10% of a turn's CPU. The clients hold no
 * per-turn state: credentials fetch and cache their own tokens, and every request names its
 * conversation. (Microsoft's older BotFrameworkAdapter kept its clients the same way.)
 */
export class ReusingClientsAuthentication extends BotFrameworkAuthentication {
  readonly #connectors: Recent<ConnectorClient>;
  readonly #userTokens: Recent<UserTokenClient>;

  constructor(
    private readonly inner: Authentication,
    max = 100,
  ) {
    super();
    this.#connectors = new Recent(max);
    this.#userTokens = new Recent(max);
  }

  /** How many clients are kept (for tests). */
  get kept(): { connectors: number; userTokens: number } {
    return { connectors: this.#connectors.size, userTokens: this.#userTokens.size };
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    return {
      ...result,
      connectorFactory: new ReusingConnectorFactory(
        appIdOf(result.claimsIdentity),
        result.connectorFactory,
        this.#connectors,
      ),
    };
  }

  authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(
      appIdOf(claimsIdentity),
      this.inner.createConnectorFactory(claimsIdentity),
      this.#connectors,
    );
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.#userTokens.get(appIdOf(claimsIdentity), () =>
      this.inner.createUserTokenClient(claimsIdentity),
    );
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}
