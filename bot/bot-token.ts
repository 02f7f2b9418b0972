import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { BotSettings } from '../src/config.js';
import { botAppTypes } from './bot-endpoint.js';

/** Where Bot Connector tokens are issued for the public cloud, and for whom. */
const botConnectorScope = 'https://api.botframework.com';
const loginEndpoint = 'https://login.microsoftonline.com';

interface TokenSource {
  getToken(forceRefresh?: boolean): Promise<string>;
}

function isTokenSource(value: unknown): value is TokenSource {
  return (
    typeof value === 'object' &&
    value !== null &&
    'getToken' in value &&
    typeof value.getToken === 'function'
  );
}

/**
 * The bearer token proactive messages carry to the Bot Connector: botbuilder's own credentials for
 * the configured app type (secret, single tenant or managed identity), which cache and refresh
 * the token. With no app id (local runs, the Agents Playground) messages go without a token.
 */
export function createBotTokenProvider(
  settings: BotSettings,
): (serviceUrl: string) => Promise<string | undefined> {
  const appId = settings.appId;
  if (appId === undefined) return () => Promise.resolve(undefined);
  const factory = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: appId,
    MicrosoftAppType: botAppTypes[settings.appType],
    ...(settings.appPassword === undefined ? {} : { MicrosoftAppPassword: settings.appPassword }),
    ...(settings.appTenantId === undefined ? {} : { MicrosoftAppTenantId: settings.appTenantId }),
  });
  let credentials: Promise<unknown> | undefined;
  return async () => {
    credentials ??= factory.createCredentials(appId, botConnectorScope, loginEndpoint, true);
    const resolved = await credentials;
    if (!isTokenSource(resolved)) {
      throw new Error('The bot credentials for this app type cannot issue a Bot Connector token');
    }
    return resolved.getToken();
  };
}
