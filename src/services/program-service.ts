import type { PeoplePage, PeopleQuery, Person } from '../contracts/people.js';
import type {
  Department,
  JobFamily,
  ProgramOverview,
  ProgramSettings,
  ProgramSettingsUpdate,
  ProgramSettingsView,
} from '../contracts/program.js';
import { AppError, isAppError } from '../domain/errors.js';

interface VersionedSettings {
  readonly value: ProgramSettings;
  readonly etag: string;
}

export interface SettingsView {
  readonly settings: ProgramSettingsView;
  readonly etag: string;
}

export interface ProgramPorts {
  readonly program: {
    getSettings(tenantId: string): Promise<VersionedSettings | undefined>;
    createSettings(settings: ProgramSettings): Promise<VersionedSettings>;
    replaceSettings(settings: ProgramSettings, etag: string): Promise<VersionedSettings>;
    listDepartments(tenantId: string): Promise<Department[]>;
    listJobFamilies(tenantId: string): Promise<JobFamily[]>;
  };
  readonly people: {
    count(tenantId: string): Promise<number>;
    search(
      tenantId: string,
      query: { text?: string | undefined; limit: number; continuationToken?: string | undefined },
    ): Promise<{ items: { value: Person }[]; continuationToken?: string }>;
  };
}

function viewOf(settings: ProgramSettings): ProgramSettingsView {
  const { tenantId: _tenant, type: _type, ...view } = settings;
  return view;
}

/** A tenant's program set-up and roster. */
export class ProgramService {
  constructor(private readonly ports: ProgramPorts) {}

  async overview(tenantId: string): Promise<ProgramOverview> {
    const [settings, departments, jobFamilies, headcount] = await Promise.all([
      this.ports.program.getSettings(tenantId),
      this.ports.program.listDepartments(tenantId),
      this.ports.program.listJobFamilies(tenantId),
      this.ports.people.count(tenantId),
    ]);
    const overview: ProgramOverview = {
      departments: departments.map(({ id, name }) => ({ id, name })),
      jobFamilies: jobFamilies.map(({ id, name, description }) => ({ id, name, description })),
      headcount,
    };
    return settings === undefined ? overview : { ...overview, settings: viewOf(settings.value) };
  }

  async settings(tenantId: string): Promise<SettingsView> {
    const current = await this.ports.program.getSettings(tenantId);
    if (current === undefined) throw new AppError('not-found', 'This program has no settings yet');
    return { settings: viewOf(current.value), etag: current.etag };
  }

  /**
   * Edits the settings if `expected` still names the stored version; a lost race answers
   * `precondition-failed` carrying the latest version. `expected: 'create'` sets up a new program.
   */
  async updateSettings(
    tenantId: string,
    update: ProgramSettingsUpdate,
    expected: { readonly etag: string } | 'create',
    now: Date,
  ): Promise<SettingsView & { created: boolean }> {
    const timestamp = now.toISOString();
    if (expected === 'create') {
      const created = await this.ports.program
        .createSettings({
          ...update,
          id: 'settings',
          tenantId,
          type: 'settings',
          createdAt: timestamp,
          updatedAt: timestamp,
        })
        .catch(async (error: unknown) => {
          if (isAppError(error, 'conflict')) throw await this.lostRace(tenantId, 'already set up');
          throw error;
        });
      return { settings: viewOf(created.value), etag: created.etag, created: true };
    }
    const current = await this.ports.program.getSettings(tenantId);
    if (current === undefined) throw new AppError('not-found', 'This program has no settings yet');
    if (current.etag !== expected.etag)
      throw await this.lostRace(tenantId, 'changed by someone else');
    const replaced = await this.ports.program
      .replaceSettings({ ...current.value, ...update, updatedAt: timestamp }, expected.etag)
      .catch(async (error: unknown) => {
        if (isAppError(error, 'precondition-failed')) {
          throw await this.lostRace(tenantId, 'changed by someone else');
        }
        throw error;
      });
    return { settings: viewOf(replaced.value), etag: replaced.etag, created: false };
  }

  private async lostRace(tenantId: string, what: string): Promise<AppError> {
    const latest = await this.ports.program.getSettings(tenantId);
    return new AppError('precondition-failed', `The program settings were ${what}`, {
      ...(latest === undefined
        ? {}
        : { current: { value: viewOf(latest.value), etag: latest.etag } }),
    });
  }

  async searchRoster(tenantId: string, query: PeopleQuery): Promise<PeoplePage> {
    const page = await this.ports.people.search(tenantId, {
      text: query.q,
      limit: query.limit,
      continuationToken: query.continuationToken,
    });
    const items = page.items.map(({ value }) => ({
      id: value.id,
      upn: value.upn,
      displayName: value.displayName,
      departmentId: value.departmentId,
      jobFamilyId: value.jobFamilyId,
      role: value.role,
    }));
    return page.continuationToken === undefined
      ? { items }
      : { items, continuationToken: page.continuationToken };
  }
}
