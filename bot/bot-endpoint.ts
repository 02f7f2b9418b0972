import {
  ActivityTypes,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ActivityHandlerBase,
  type InvokeResponse,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { BotSettings } from '../src/config.js';
import { identityFromActivity } from './activity-identity.js';
import { LastmileBot } from './lastmile-bot.js';

/** The logging the endpoint needs; a pino `Logger` fits it. */
export type BotLogger = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;

/** Anything that can run a turn: `LastmileBot` or any botbuilder activity handler. */
export type BotTurnHandler = Pick<ActivityHandlerBase, 'run'>;

export interface BotEndpointDeps {
  readonly settings: BotSettings;
  readonly logger: BotLogger;
  /**
   * The composition root passes `new LastmileBot(deps)` with the services. Without one, a
   * `LastmileBot` without the prompt library answers: chat works, the message extension says the
   * library is not available.
   */
  readonly bot?: BotTurnHandler;
}

/** `POST /api/messages`: mount as `app.post('/api/messages', (req, res) => endpoint.handle(req, res))`. */
export interface BotEndpoint {
  handle(req: Request, res: Response): Promise<void>;
}

type AuthenticatedRequest = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;
type TurnLogic = (context: TurnContext) => Promise<void>;

const httpStatus = {
  ok: 200,
  badRequest: 400,
  unauthorized: 401,
  methodNotAllowed: 405,
  internalServerError: 500,
  serviceUnavailable: 503,
} as const;

/**
 * Public-cloud values that botbuilder uses by default. Overriding any one of these settings (the
 * OpenID metadata URL, for tests) makes botbuilder take every one of them from the configuration,
 * so all of them must be given together or, for instance, no token issuer is trusted at all.
 */
const publicCloud = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl:
    'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: CallerIdConstants.PublicAzureChannel,
} as const;

/** botbuilder's spelling of each `BOT_TYPE`. */
export const botAppTypes = {
  MultiTenant: 'MultiTenant',
  SingleTenant: 'SingleTenant',
  UserAssignedMSI: 'UserAssignedMsi',
} as const satisfies Record<BotSettings['appType'], string>;

function authenticationConfiguration(settings: BotSettings): Record<string, string> {
  // Without an app id botbuilder turns authentication off; the app type would only make it insist
  // on settings that local runs do not have.
  if (settings.appId === undefined) return {};
  const configuration: Record<string, string> = {
    MicrosoftAppId: settings.appId,
    MicrosoftAppType: botAppTypes[settings.appType],
  };
  if (settings.appPassword !== undefined) configuration.MicrosoftAppPassword = settings.appPassword;
  if (settings.appTenantId !== undefined) configuration.MicrosoftAppTenantId = settings.appTenantId;
  if (settings.openIdMetadataUrl !== undefined) {
    Object.assign(configuration, publicCloud, {
      ToBotFromChannelOpenIdMetadataUrl: settings.openIdMetadataUrl,
    });
  }
  return configuration;
}

/**
 * `CloudAdapter.process` would authenticate too, but it answers 500 to a forged token that names a
 * published key (the bad signature surfaces as a plain JWT error, not an authentication error),
 * rejects the request's promise for a body without a type, echoes error messages to the caller and
 * writes each failure to the console. So the endpoint authenticates first, answers the HTTP status
 * itself, and hands only authenticated activities to the adapter's turn pipeline.
 */
class EndpointAdapter extends CloudAdapter {
  runAuthenticatedTurn(
    request: AuthenticatedRequest,
    activity: Activity,
    logic: TurnLogic,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(request, activity, logic);
  }
}

interface ErrorSummary {
  readonly type: string;
  readonly message: string;
  readonly statusCode?: number;
  readonly stack?: string;
}

/**
 * Only these fields are logged: HTTP errors from the connector also carry the request, with its
 * bearer token. The stack stays in the log, for whoever fixes the fault, and never reaches a chat.
 */
function summarise(error: unknown, withStack = false): ErrorSummary {
  if (!(error instanceof Error)) return { type: typeof error, message: 'A non-error was thrown.' };
  const statusCode: unknown = 'statusCode' in error ? error.statusCode : undefined;
  return {
    type: error.name,
    message: error.message,
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(withStack && error.stack !== undefined ? { stack: error.stack } : {}),
  };
}

/** A failure to fetch the signing keys is ours, not the caller's: it must not read as a bad token. */
function isKeySourceFailure(error: ErrorSummary): boolean {
  return error.type === 'FetchError' || (error.statusCode !== undefined && error.statusCode >= 500);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function header(req: Request, name: string): string {
  const value = req.headers[name.toLowerCase()] ?? req.headers[name];
  return typeof value === 'string' ? value : '';
}

/**
 * The activity in a parsed JSON body, with its dates as botbuilder expects them, or undefined when
 * the body lacks what every Bot Framework activity has and a reply needs: a type, the service URL
 * to reply to and the conversation.
 */
function activityFrom(body: unknown): Activity | undefined {
  if (!isRecord(body)) return undefined;
  if (!nonEmpty(body.type) || !nonEmpty(body.serviceUrl)) return undefined;
  if (!isRecord(body.conversation) || !nonEmpty(body.conversation.id)) return undefined;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = body[field];
    if (typeof value === 'string') {
      body[raw] = value;
      body[field] = new Date(value);
    }
  }
  // The rest of the shape is trusted as far as botbuilder trusts it; handlers check what they read.
  return body as unknown as Activity;
}

function end(res: Response, status: number, body?: unknown): void {
  res.status(status);
  if (body === undefined) res.end();
  else res.send(body);
}

const turnFailedMessage =
  "Sorry, something went wrong on my side and I couldn't finish that. Please try again in a minute.";

export function createBotEndpoint(deps: BotEndpointDeps): BotEndpoint {
  const { settings, logger } = deps;
  const bot = deps.bot ?? new LastmileBot();
  const authentication = new ConfigurationBotFrameworkAuthentication(
    authenticationConfiguration(settings),
  );
  const adapter = new EndpointAdapter(authentication);
  const logic: TurnLogic = (context) => bot.run(context);

  adapter.onTurnError = async (context, error): Promise<void> => {
    const activity = context.activity;
    logger.error(
      {
        error: summarise(error, true),
        activityType: activity.type,
        channelId: activity.channelId,
        tenantId: identityFromActivity(activity)?.tenantId,
      },
      'A bot turn failed',
    );
    try {
      if (activity.type === ActivityTypes.Invoke) {
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: { status: httpStatus.internalServerError },
        });
      } else {
        await context.sendActivity(turnFailedMessage);
      }
    } catch (sendError) {
      logger.warn({ error: summarise(sendError) }, 'Could not tell the user that a turn failed');
    }
  };

  logger.info(
    {
      authenticated: settings.appId !== undefined,
      appType: settings.appId === undefined ? undefined : settings.appType,
      openIdMetadataOverridden: settings.openIdMetadataUrl !== undefined,
    },
    settings.appId === undefined
      ? 'Bot endpoint accepts unauthenticated activities (no Microsoft app id configured)'
      : 'Bot endpoint validates Bot Framework tokens',
  );

  return {
    async handle(req, res): Promise<void> {
      try {
        if (req.method !== 'POST') return end(res, httpStatus.methodNotAllowed);
        const activity = activityFrom(req.body);
        if (activity === undefined) {
          logger.warn('Bot endpoint refused a request whose body is not an activity');
          return end(res, httpStatus.badRequest);
        }

        let authenticated: AuthenticatedRequest;
        try {
          authenticated = await authentication.authenticateRequest(
            activity,
            header(req, 'Authorization'),
          );
        } catch (error) {
          const summary = summarise(error);
          if (isKeySourceFailure(summary)) {
            logger.error({ error: summary }, 'Bot Framework signing keys could not be loaded');
            return end(res, httpStatus.serviceUnavailable);
          }
          logger.warn(
            { reason: summary.message, channelId: activity.channelId },
            'Bot endpoint refused an activity that failed authentication',
          );
          return end(res, httpStatus.unauthorized);
        }

        const invokeResponse = await adapter.runAuthenticatedTurn(authenticated, activity, logic);
        return end(res, invokeResponse?.status ?? httpStatus.ok, invokeResponse?.body);
      } catch (error) {
        logger.error(
          { error: summarise(error, true) },
          'Bot endpoint failed to process an activity',
        );
        return end(res, httpStatus.internalServerError);
      }
    },
  };
}
