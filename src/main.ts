import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pino, type Logger } from 'pino';
import { createBotEndpoint } from '../bot/bot-endpoint.js';
import { LastmileBot } from '../bot/lastmile-bot.js';
import { createBotTokenProvider } from '../bot/bot-token.js';
import { ConnectorSender } from '../bot/connector-sender.js';
import { createDeliveryRenderer } from '../bot/delivery-messages.js';
import { LearningChat } from '../bot/learning-chat.js';
import { PracticeChat } from '../bot/practice-chat.js';
import { PulseChat } from '../bot/pulse-chat.js';
import { RosterChat } from '../bot/roster-chat.js';
import { createEntraTokenVerifier } from './api/entra-token-verifier.js';
import { healthRouter } from './api/health-router.js';
import { createHttpApp } from './api/http-app.js';
import { rateLimits } from './api/rate-limits.js';
import { auditRouter } from './api/audit-router.js';
import { dataRightsRouter } from './api/data-rights-router.js';
import { auditTrail } from './api/audit-trail.js';
import { AuditService } from './services/audit-service.js';
import { RollupRecompute } from './services/rollup-recompute.js';
import { RateLimiter } from './domain/rate-limit.js';
import { DataRightsService } from './services/data-rights-service.js';
import { RawEventRetention } from './services/raw-event-retention.js';
import { authenticate } from './api/identity-middleware.js';
import { deliveriesRouter } from './api/deliveries-router.js';
import { flagsRouter } from './api/flags-router.js';
import { improvementsRouter } from './api/improvements-router.js';
import { peopleRouter } from './api/people-router.js';
import { vendorPackRouter } from './api/vendor-pack-router.js';
import { lessonsRouter } from './api/lessons-router.js';
import { meRouter } from './api/me-router.js';
import { practiceRouter } from './api/practice-router.js';
import { pulseRouter } from './api/pulse-router.js';
import { devRosterRouter, programRouter } from './api/program-router.js';
import type { Config } from './config.js';
import { demoTenantId } from './domain/demo-tenant.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { promptBulkRoutes, promptsRouter } from './api/prompts-router.js';
import { rosterBulkRoutes, rosterRouter } from './api/roster-router.js';
import { workflowsRouter } from './api/workflows-router.js';
import { scoreboardRouter } from './api/scoreboard-router.js';
import { checkpointRouter } from './api/checkpoint-router.js';
import { usageRouter } from './api/usage-router.js';
import { authenticateWithApiKeys } from './api/api-key-auth.js';
import { apiKeysRouter } from './api/api-keys-router.js';
import { usageImportBulkRoutes, usageImportsRouter } from './api/usage-imports-router.js';
import { ConversationBook } from './services/conversation-book.js';
import { CurriculumService } from './services/curriculum-service.js';
import { DeliveryQueue } from './services/delivery-queue.js';
import { DeliveryWorker } from './services/delivery-worker.js';
import { FlagService } from './services/flag-service.js';
import { ImprovementService } from './services/improvement-service.js';
import { LessonScheduler } from './services/lesson-scheduler.js';
import { seedDemoCurriculum } from './services/demo-curriculum-seeder.js';
import { seedDemoLibrary } from './services/demo-library-seeder.js';
import { LearningService } from './services/learning-service.js';
import { PracticeService } from './services/practice-service.js';
import { seedDemoTenant } from './services/demo-seeder.js';
import { demoProgramMarker, seedDemoProgram } from './services/demo-program-seeder.js';
import { IdentityService } from './services/identity-service.js';
import { ProgramService } from './services/program-service.js';
import { PromptSearchIndex } from './services/prompt-search-index.js';
import { PromptService } from './services/prompt-service.js';
import { PulseScheduler } from './services/pulse-scheduler.js';
import { PulseService } from './services/pulse-service.js';
import { UsageIngest } from './services/usage-ingest.js';
import { ApiKeyService } from './services/api-key-service.js';
import { CopilotReportImport } from './services/copilot-report-import.js';
import { UsageCsvImport } from './services/usage-csv-import.js';
import { UsageRecorder } from './services/usage-recorder.js';
import { RosterCounts } from './services/roster-counts.js';
import { RosterService } from './services/roster-service.js';
import { ScoreboardService } from './services/scoreboard-service.js';
import { CheckpointService } from './services/checkpoint-service.js';
import { WorkflowService } from './services/workflow-service.js';
import { openStorage, type Storage, type StorageOptions } from './storage/storage.js';
import { registerCounters } from './observability/azure-monitor.js';
import { appVersion, findProjectRoot } from './project-root.js';

/**
 * The composition root: the only place that wires configuration, storage, services, the API, the
 * bot and the tab together.
 */

export interface RunningApp {
  readonly url: string;
  readonly port: number;
  readonly storageMode: 'embedded' | 'azure';
  close(): Promise<void>;
}

export interface StartOptions {
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** For tests: where local mode reaches the embedded server (a fault-injecting proxy). */
  readonly embeddedEndpointFor?: StorageOptions['embeddedEndpointFor'];
  /** A store opened by the caller (benchmarks); it stays open when the app closes. */
  readonly storage?: Storage;
}

const shutdownGraceMs = 10_000;
/** Retention removes whole weeks of raw events, so running it more than hourly gains nothing. */
const retentionIntervalMs = 3_600_000;

/** Every service of one instance, wired to its storage: what the API, the bot and the workers use. */
export interface Lastmile {
  readonly identities: IdentityService;
  readonly program: ProgramService;
  readonly prompts: PromptService;
  readonly workflows: WorkflowService;
  readonly curriculum: CurriculumService;
  readonly learning: LearningService;
  readonly practice: PracticeService;
  readonly conversations: ConversationBook;
  readonly learningChat: LearningChat;
  readonly practiceChat: PracticeChat;
  readonly deliveryQueue: DeliveryQueue;
  readonly deliveryWorker: DeliveryWorker;
  readonly scheduler: LessonScheduler;
  readonly flags: FlagService;
  readonly improvements: ImprovementService;
  readonly pulse: PulseService;
  readonly pulseChat: PulseChat;
  readonly pulseScheduler: PulseScheduler;
  readonly usageIngest: UsageIngest;
  readonly rosterCounts: RosterCounts;
  readonly roster: RosterService;
  readonly rosterChat: RosterChat;
  readonly scoreboard: ScoreboardService;
  readonly checkpoints: CheckpointService;
  readonly apiKeys: ApiKeyService;
  readonly audit: AuditService;
  readonly dataRights: DataRightsService;
  readonly retention: RawEventRetention;
  readonly usageCsvImport: UsageCsvImport;
  readonly copilotReport: CopilotReportImport;
}

/**
 * Wires the services of one instance to its storage. `startLastmile` serves them over HTTP; the
 * delivery benchmark runs several instances' workers on one store with it.
 */
export function composeLastmile(
  storage: Storage,
  config: Config,
  options: {
    readonly now: () => Date;
    readonly logger: Logger;
    /** Names this instance's delivery worker; unique per process by default. */
    readonly instanceId?: string;
  },
): Lastmile {
  const { now, logger } = options;
  // People imported by UPN alone are matched at their first sign-in (see RosterService).
  const identities = new IdentityService(
    {
      people: storage.people,
      pending: { claimPending: (tenantId, id, upn) => roster.claimPending(tenantId, id, upn) },
    },
    { rosterCacheMs: 30_000, clock: Date.now },
  );
  const program = new ProgramService(storage);
  const usageIngest = new UsageIngest(storage, { now, rosterSnapshotMs: 60_000, clock: Date.now });
  const apiKeys = new ApiKeyService(
    { apiKeys: storage.apiKeys },
    { now, randomBytes, cacheMs: 30_000, clock: Date.now },
  );
  const audit = new AuditService({ audit: storage.audit }, now);
  const usageCsvImport = new UsageCsvImport({ usage: usageIngest });
  const copilotReport = new CopilotReportImport(
    { usage: usageIngest },
    { settings: config.graph, now, clock: Date.now },
  );
  const usage = new UsageRecorder({ people: storage.people, ingest: usageIngest });
  const rosterCounts = new RosterCounts(storage, now);
  const roster = new RosterService(
    {
      people: storage.people,
      program: storage.program,
      // A roster change reaches the headcounts and the ingest's roster snapshot at once.
      counts: {
        refresh: async (tenantId: string) => {
          usageIngest.forgetRoster(tenantId);
          await rosterCounts.refresh(tenantId);
        },
      },
    },
    { now },
  );
  const rosterChat = new RosterChat({ roster });
  const index = new PromptSearchIndex(storage, {
    refreshIntervalMs: config.searchRefreshMs,
    clock: Date.now,
  });
  // The two services need each other's reads (search boosts, prompt counts per task); both
  // reach the other through a narrow port resolved at call time.
  const workflows: WorkflowService = new WorkflowService(
    {
      workflows: storage.workflows,
      departments: { exists: (tenantId, id) => storage.program.departmentExists(tenantId, id) },
      promptCounts: { countsByTask: (tenantId) => prompts.countsByTask(tenantId) },
    },
    { newId: randomUUID, now, taskCacheMs: 30_000, clock: Date.now },
  );
  const prompts: PromptService = new PromptService(
    { prompts: storage.prompts, mappedTasks: workflows },
    { index, usage, newId: randomUUID, now },
  );

  const programStart = async (tenantId: string): Promise<string | undefined> =>
    (await storage.program.getSettings(tenantId))?.value.programStart;
  const jobFamilyExists = async (tenantId: string, id: string): Promise<boolean> =>
    (await storage.program.listJobFamilies(tenantId)).some((family) => family.id === id);
  const curriculum = new CurriculumService(
    {
      curriculum: storage.curriculum,
      references: {
        jobFamilyExists,
        taskExists: async (tenantId, id) =>
          (await storage.workflows.find(tenantId, id)) !== undefined,
        promptExists: async (tenantId, id) =>
          (await storage.prompts.find(tenantId, id)) !== undefined,
      },
    },
    now,
  );
  const learning = new LearningService(
    {
      learners: storage.learners,
      lessons: curriculum,
      program: {
        programStart,
        jobFamilyExists,
        departmentExists: (tenantId, id) => storage.program.departmentExists(tenantId, id),
      },
      counters: storage.activity,
    },
    now,
  );
  const practice = new PracticeService(
    {
      practice: storage.practice,
      learners: storage.learners,
      counters: storage.activity,
      lessons: curriculum,
      program: {
        programStart,
        listJobFamilies: (tenantId) => storage.program.listJobFamilies(tenantId),
      },
      prompts: {
        propose: (caller, content, source) =>
          prompts.propose(caller, { ...content, variables: [], tags: [] }, source),
        titleOf: async (tenantId, id) => (await storage.prompts.find(tenantId, id))?.value.title,
      },
    },
    now,
  );
  const conversations = new ConversationBook({ conversations: storage.conversations }, now);

  const taskName = async (tenantId: string, taskId: string): Promise<string | undefined> =>
    (await storage.workflows.find(tenantId, taskId))?.value.name;
  const deliveryQueue = new DeliveryQueue(storage.deliveries);
  const learningChat = new LearningChat({
    learning,
    program: {
      listJobFamilies: (tenantId) => storage.program.listJobFamilies(tenantId),
      listDepartments: (tenantId) => storage.program.listDepartments(tenantId),
    },
    prompts,
    tasks: { taskName },
    tabEndpoint: config.tabEndpoint,
    deliveries: deliveryQueue,
    now,
  });
  const practiceChat = new PracticeChat({ practice, prompts });
  const pulse = new PulseService(
    {
      pulses: storage.pulses,
      tasks: {
        listForDepartment: async (tenantId, departmentId) =>
          (await storage.workflows.list(tenantId, departmentId)).map((entry) => entry.value),
        find: async (tenantId, taskId) => (await storage.workflows.find(tenantId, taskId))?.value,
      },
      learners: storage.learners,
      callers: identities,
      queue: deliveryQueue,
    },
    now,
  );
  const pulseChat = new PulseChat({ pulse, callers: identities, now });

  // Proactive delivery: every instance may run the scheduler and a worker; they share the queue.
  const deliveryWorker = new DeliveryWorker(
    {
      queue: storage.deliveries,
      heartbeats: storage.deliveries,
      sender: new ConnectorSender({
        conversations: storage.conversations,
        render: createDeliveryRenderer({
          lessonCard: (tenantId, lessonId) => learningChat.deliveryCard(tenantId, lessonId),
          pulseCard: (tenantId, userId, week) => pulseChat.deliveryCard(tenantId, userId, week),
        }),
        tokenFor: createBotTokenProvider(config.bot),
        timeoutMs: config.delivery.sendTimeoutMs,
      }),
    },
    {
      instanceId:
        options.instanceId ?? `${hostname()}:${String(process.pid)}:${randomUUID().slice(0, 8)}`,
      settings: config.delivery,
      now,
      random: Math.random,
      logger,
    },
  );
  const scheduler = new LessonScheduler(
    {
      tenants: storage.program,
      program: { programStart },
      lessons: curriculum,
      learners: storage.learners,
      queue: deliveryQueue,
    },
    { now, intervalMs: config.delivery.schedulerIntervalMs, logger },
  );
  const pulseScheduler = new PulseScheduler(
    { tenants: storage.program, program: { programStart }, pulse },
    { now, intervalMs: config.delivery.schedulerIntervalMs, logger },
  );

  const flags = new FlagService(
    {
      feedback: storage.feedback,
      prompts: {
        ownerOf: async (tenantId, promptId) => {
          const prompt = (await storage.prompts.find(tenantId, promptId))?.value;
          return prompt === undefined ? undefined : { id: prompt.ownerId, name: prompt.ownerName };
        },
      },
      people: {
        nameOf: async (tenantId, userId) =>
          (await storage.people.findById(tenantId, userId))?.value.displayName,
      },
      notices: deliveryQueue,
    },
    { now, newId: randomUUID },
  );

  const improvements = new ImprovementService(
    { feedback: storage.feedback },
    { now, newId: randomUUID },
  );

  const scoreboard = new ScoreboardService(
    {
      program: storage.program,
      rosters: rosterCounts,
      rollups: storage.activity,
      people: storage.people,
      feedback: {
        figures: async (tenantId) => {
          const [flagStats, improvementCounts] = await Promise.all([
            flags.stats(tenantId),
            improvements.counts(tenantId),
          ]);
          return {
            openFlags: flagStats.open + flagStats.inReview,
            resolvedFlags: flagStats.resolved,
            medianHoursToResolution: flagStats.medianHoursToResolution,
            medianHoursToFirstResponse: flagStats.medianHoursToFirstResponse,
            improvementsSuggested: improvementCounts.suggested,
            improvementsPushedToVendor: improvementCounts.pushedToVendor,
          };
        },
      },
      notices: deliveryQueue,
    },
    now,
  );

  const checkpoints = new CheckpointService(
    {
      program: storage.program,
      scoreboard,
      tasks: {
        list: async (tenantId) =>
          (await storage.workflows.list(tenantId)).map((entry) => entry.value),
      },
      pulses: storage.pulses,
      flags,
      improvements,
      prompts: {
        titleOf: async (tenantId, id) => (await storage.prompts.find(tenantId, id))?.value.title,
      },
    },
    now,
  );

  const dataRights = new DataRightsService(
    {
      people: storage.people,
      records: storage.dataRights,
      library: storage.prompts,
      // This instance's copies. Other instances' search indexes follow the library revision, and
      // their roster snapshots expire within a minute.
      caches: {
        forgetTenant: (tenantId) => {
          index.forget(tenantId);
          usageIngest.forgetRoster(tenantId);
        },
      },
    },
    { newId: () => randomBytes(8).toString('hex') },
  );
  const retention = new RawEventRetention(
    { tenants: storage.program, events: storage.dataRights },
    { now, intervalMs: retentionIntervalMs, logger, retentionDays: config.rawEventRetentionDays },
  );

  return {
    identities,
    program,
    prompts,
    workflows,
    curriculum,
    learning,
    practice,
    conversations,
    learningChat,
    practiceChat,
    deliveryQueue,
    deliveryWorker,
    scheduler,
    flags,
    improvements,
    pulse,
    pulseChat,
    pulseScheduler,
    usageIngest,
    rosterCounts,
    roster,
    rosterChat,
    scoreboard,
    checkpoints,
    apiKeys,
    audit,
    dataRights,
    retention,
    usageCsvImport,
    copilotReport,
  };
}

/** Seeds the demo firm into an empty store through the services, as people would write it. */
/**
 * After a crash in local mode the data file holds what was saved at a moment, which may fall
 * between a request's event writes and its marker-and-count batch; the rollups are recounted from
 * the raw events it kept (two years of weeks), before anyone reads them.
 */
async function recountAfterCrash(storage: Storage, now: Date, logger: Logger): Promise<void> {
  const tenants = await storage.program.listTenantIds();
  const report = await new RollupRecompute(storage).run(tenants, { now, weeks: 104, repair: true });
  logger.warn(
    {
      tenants: report.tenants,
      differences: report.differences.length,
      missingMarkers: report.missingMarkers,
    },
    'the last run did not close; rollups recounted from the raw events',
  );
}

export async function seedDemo(
  storage: Storage,
  services: Lastmile,
  now: Date,
  logger: Logger,
  config: Config,
): Promise<void> {
  const { prompts, workflows, curriculum } = services;
  const marker = {
    has: (tenantId: string, name: string) => storage.program.hasMarker(tenantId, name),
    set: (tenantId: string, name: string, at: Date) =>
      storage.program.setMarker(tenantId, name, at),
  };
  const seed = await seedDemoTenant(storage, now);
  if (seed.seeded) logger.info({ people: seed.people }, 'seeded the demo tenant');
  const library = await seedDemoLibrary({ prompts, workflows, marker }, now);
  if (library.seeded) logger.info({ prompts: library.prompts }, 'seeded the demo prompt library');
  const lessons = await seedDemoCurriculum({ curriculum, marker }, now);
  if (lessons.seeded) logger.info({ lessons: lessons.lessons }, 'seeded the demo curriculum');
  if (seed.seeded) await services.rosterCounts.refresh(demoTenantId);
  if (await marker.has(demoTenantId, demoProgramMarker)) return;

  // The eight program weeks are written by a second set of services over the same store, whose
  // clock the seeder moves through the weeks, so each write lands in its week.
  let simulated = now;
  const weekly = composeLastmile(storage, config, { now: () => simulated, logger });
  const program = await seedDemoProgram(
    {
      setClock: (moment) => {
        simulated = moment;
      },
      roster: { listAll: (tenantId) => storage.people.listAll(tenantId, 100_000) },
      library: {
        listPrompts: async (tenantId) =>
          (await storage.prompts.listAll(tenantId)).map((entry) => entry.value),
        listTasks: async (tenantId) =>
          (await storage.workflows.list(tenantId)).map((entry) => entry.value),
        publishedLessons: (tenantId, jobFamilyId) =>
          weekly.curriculum.publishedFor(tenantId, jobFamilyId),
      },
      ingest: weekly.usageIngest,
      prompts: weekly.prompts,
      learning: weekly.learning,
      practice: weekly.practice,
      flags: weekly.flags,
      improvements: weekly.improvements,
      pulses: weekly.pulse,
      marker,
    },
    now,
  );
  if (program.seeded) logger.info(program, 'seeded the demo program');
}

export async function startLastmile(
  config: Config,
  options: StartOptions = {},
): Promise<RunningApp> {
  const logger = options.logger ?? pino({ level: config.logLevel, base: { app: 'lastmile' } });
  const now = options.now ?? (() => new Date());
  const projectRoot = findProjectRoot();
  const version = appVersion(projectRoot);

  const ownsStorage = options.storage === undefined;
  const storage =
    options.storage ??
    (await openStorage(config.cosmos, {
      dataDir: config.dataDir,
      logger,
      ...(options.embeddedEndpointFor === undefined
        ? {}
        : { embeddedEndpointFor: options.embeddedEndpointFor }),
    }));

  try {
    const services = composeLastmile(storage, config, { now, logger });
    const { identities, program, prompts, deliveryWorker, scheduler } = services;
    // Without telemetry started (src/server.ts) the global meter drops these.
    if (config.telemetry.connectionString !== undefined) {
      registerCounters({
        deliveries: () => deliveryWorker.totals,
        usageEvents: () => services.usageIngest.totals,
      });
    }
    if (storage.recoveredAfterCrash) await recountAfterCrash(storage, now(), logger);
    if (config.seedDemo) await seedDemo(storage, services, now(), logger, config);

    const bot = createBotEndpoint({
      settings: config.bot,
      logger,
      bot: new LastmileBot({
        prompts,
        jobFamilies: storage.program,
        callers: identities,
        tabEndpoint: config.tabEndpoint,
        now,
        logger,
        learning: services.learningChat,
        practice: services.practiceChat,
        conversations: services.conversations,
        flags: services.flags,
        suggestions: services.improvements,
        roster: services.rosterChat,
        pulse: services.pulseChat,
        searchLimit: config.rateLimits.enabled
          ? new RateLimiter(config.rateLimits.searchPerMinute)
          : undefined,
      }),
    });

    const app = createHttpApp({
      logger,
      production: config.production,
      bodyLimit: config.bodyLimit,
      bulkRoutes: [
        ...promptBulkRoutes,
        ...rosterBulkRoutes,
        '/usage-events',
        ...usageImportBulkRoutes,
      ],
      bulkBodyLimit: config.bulkBodyLimit,
      publicRoutes: [
        healthRouter({
          storageMode: storage.mode,
          pingStorage: () => storage.ping(),
          version,
          startedAt: Date.now(),
          now: Date.now,
        }),
      ],
      // An `x-api-key` request is the key's, on the ingest routes only; all else goes to SSO.
      authenticate: authenticateWithApiKeys({
        keys: services.apiKeys,
        sso: authenticate({
          verifier: createEntraTokenVerifier(config.entra),
          identities,
          devIdentity: config.devIdentity,
        }),
      }),
      afterAuthentication: [
        rateLimits(config.rateLimits, Date.now),
        auditTrail(services.audit, logger),
      ],
      apiRoutes: [
        meRouter(identities),
        programRouter(program, now),
        usageRouter(services.usageIngest),
        usageImportsRouter({ csv: services.usageCsvImport, copilot: services.copilotReport }),
        apiKeysRouter(services.apiKeys),
        scoreboardRouter(services.scoreboard, now),
        checkpointRouter(services.checkpoints, now),
        promptsRouter(prompts, now),
        workflowsRouter(services.workflows),
        lessonsRouter(services.curriculum, services.learning),
        practiceRouter(services.practice),
        pulseRouter(services.pulse),
        deliveriesRouter(services.deliveryQueue, now),
        flagsRouter(services.flags),
        improvementsRouter(services.improvements),
        peopleRouter(program),
        rosterRouter(services.roster),
        vendorPackRouter(services, now),
        auditRouter(services.audit),
        dataRightsRouter({ rights: services.dataRights, retention: services.retention }),
        ...(config.devIdentity ? [devRosterRouter(program)] : []),
      ],
      botMessages: (req, res) => bot.handle(req, res),
      tabDir: path.join(projectRoot, 'dist', 'tab'),
    });

    const server = await listen(app, config.port, config.host);
    if (config.delivery.workerEnabled) {
      deliveryWorker.start();
      scheduler.start();
      services.pulseScheduler.start();
      services.retention.start();
    }
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${String(port)}`;
    logger.info(
      { url, storage: storage.mode, devIdentity: config.devIdentity },
      'Lastmile is listening',
    );

    let closing: Promise<void> | undefined;
    return {
      url,
      port,
      storageMode: storage.mode,
      close: () => {
        closing ??= (async () => {
          await stopServer(server);
          await scheduler.stop();
          await services.pulseScheduler.stop();
          await services.retention.stop();
          await deliveryWorker.stop();
          if (ownsStorage) await storage.close();
          logger.info('Lastmile stopped');
        })();
        return closing;
      },
    };
  } catch (error) {
    if (ownsStorage) await storage.close();
    throw error;
  }
}

function listen(
  app: ReturnType<typeof createHttpApp>,
  port: number,
  host: string,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => {
      if (error === undefined) resolve(server);
      else reject(error);
    });
    server.keepAliveTimeout = 65_000;
  });
}

/** Stops taking connections, lets requests in flight finish, and cuts what is left after a grace. */
function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), shutdownGraceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
