import { describe, expect, it } from 'vitest';
import { roles } from '../../src/contracts/identity.js';
import { effectiveRoles } from '../../src/domain/roles.js';
import {
  readAzureTemplate,
  sampleAppSettings,
  sampleDevEnvironment,
  sampleOutputs,
  sampleTenants,
} from './azure-samples.js';
import {
  fillPlaceholders,
  readProjectJson,
  readToolkitProject,
  stepsUsing,
} from './toolkit-project.js';

interface PermissionScope {
  readonly id: string;
  readonly value: string;
  readonly type: string;
  readonly isEnabled: boolean;
}

interface AppRole {
  readonly id: string;
  readonly value: string;
  readonly displayName: string;
  readonly allowedMemberTypes: readonly string[];
  readonly isEnabled: boolean;
}

interface EntraManifest {
  readonly id: string;
  readonly appId: string;
  readonly identifierUris: readonly string[];
  readonly signInAudience: string;
  readonly api: {
    readonly oauth2PermissionScopes: readonly PermissionScope[];
    readonly preAuthorizedApplications: readonly {
      readonly appId: string;
      readonly delegatedPermissionIds: readonly string[];
    }[];
  };
  readonly appRoles: readonly AppRole[];
  readonly passwordCredentials?: unknown;
}

const entra = readProjectJson('aad.manifest.json') as EntraManifest;
const teamsManifest = readProjectJson('appPackage/manifest.json') as {
  readonly webApplicationInfo: { readonly id: string; readonly resource: string };
};

/**
 * The Microsoft clients that request Teams SSO tokens for a tab: Teams desktop and mobile, Teams
 * web, Microsoft 365 web, desktop and mobile, Outlook desktop, web and mobile, as the toolkit's own
 * template (teamsfx-core templates/plugins/resource/aad/manifest/tab) lists them.
 */
const teamsAndMicrosoft365Clients = [
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
  '4765445b-32c6-49b0-83e6-1d93765276ca',
  '0ec893e0-5785-4de6-99da-4ed124e5296c',
  'd3590ed6-52b3-4102-aeff-aad2292ab01c',
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
  '00000002-0000-0ff1-ce00-000000000000',
  '4345a7b9-9a63-4910-a426-35363201d503',
  '27922004-5251-4030-b22d-91ecd9a37ea4',
];

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function accessAsUser(): PermissionScope {
  const scopes = entra.api.oauth2PermissionScopes.filter(
    (scope) => scope.value === 'access_as_user',
  );
  expect(scopes).toHaveLength(1);
  return scopes[0] as PermissionScope;
}

describe('aad.manifest.json', () => {
  it('should be the tab app that aadApp/create made', () => {
    expect(entra.id).toBe('${{AAD_APP_OBJECT_ID}}');
    expect(entra.appId).toBe('${{AAD_APP_CLIENT_ID}}');
    expect(teamsManifest.webApplicationInfo.id).toBe(entra.appId);
    expect(entra.passwordCredentials).toBeUndefined();
  });

  it('should expose the access_as_user scope that Teams SSO asks for, enabled for users', () => {
    const scope = accessAsUser();
    expect(scope).toMatchObject({
      type: 'User',
      isEnabled: true,
      id: '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}',
    });
  });

  it('should name the API api://<tab domain>/<client id> in Entra, in the Teams manifest and in the server settings', () => {
    expect(entra.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    const identifierUri = entra.identifierUris[0] ?? '';
    expect(teamsManifest.webApplicationInfo.resource).toBe(identifierUri);

    // Local: the deploy step writes the server's .env from the same placeholders.
    const local = readToolkitProject('teamsapp.local.yml');
    const [envFile] = stepsUsing(local, 'file/createOrUpdateEnvironmentFile', 'deploy');
    expect((envFile?.with.envs as Record<string, unknown> | undefined)?.AAD_APP_ID_URI).toBe(
      identifierUri,
    );

    // Azure: the app setting, evaluated, equals the identifier URI filled after arm/deploy.
    const afterProvision = new Map([...sampleDevEnvironment(), ...sampleOutputs()]);
    const expected = fillPlaceholders(identifierUri, afterProvision);
    expect(expected).toMatch(/^api:\/\/app-[a-z0-9-]+\.azurewebsites\.net\/aad0c1e0-/);
    expect(sampleAppSettings().get('AAD_APP_ID_URI')).toBe(expected);
  });

  it('should pre-authorise exactly the nine Teams, Microsoft 365 and Outlook clients, each for access_as_user', () => {
    const scope = accessAsUser();
    const authorised = entra.api.preAuthorizedApplications;
    expect(authorised.map((client) => client.appId).sort()).toEqual(
      [...teamsAndMicrosoft365Clients].sort(),
    );
    for (const client of authorised) {
      expect(client.delegatedPermissionIds, client.appId).toEqual([scope.id]);
    }
  });

  it('should declare the Champion, Lead and Admin app roles that the server maps to its roles', () => {
    const expected = { Champion: 'champion', Lead: 'lead', Admin: 'admin' } as const;
    expect(entra.appRoles.map((role) => role.value).sort()).toEqual(Object.keys(expected).sort());
    const ids = entra.appRoles.map((role) => role.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const role of entra.appRoles) {
      expect(role.id, role.value).toMatch(guidPattern);
      expect(role.allowedMemberTypes, role.value).toEqual(['User']);
      expect(role.isEnabled, role.value).toBe(true);
      expect(role.displayName, role.value).toBe(role.value);
      const mapped = expected[role.value as keyof typeof expected];
      expect(effectiveRoles([role.value], undefined), role.value).toEqual(
        roles.filter((candidate) => candidate === 'member' || candidate === mapped),
      );
    }
    // No app-role id may collide with the scope's (a generated GUID at provision time).
    expect(ids).not.toContain(accessAsUser().id);
  });

  it('should give every server role but member an app role, since everyone is a member anyway', () => {
    const fromAppRoles = new Set(
      entra.appRoles.flatMap((role) => effectiveRoles([role.value], undefined)),
    );
    expect(roles.filter((role) => role !== 'member' && !fromAppRoles.has(role))).toEqual([]);
    expect(effectiveRoles([], undefined)).toEqual(['member']);
  });

  it('should accept sign-ins from any organisation in Entra and leave the server to admit only the home tenant', () => {
    expect(entra.signInAudience).toBe('AzureADMultipleOrgs');
    for (const fileName of ['teamsapp.yml', 'teamsapp.local.yml'] as const) {
      const [create] = stepsUsing(readToolkitProject(fileName), 'aadApp/create', 'provision');
      expect(create?.with.signInAudience, fileName).toBe(entra.signInAudience);
    }

    // Azure: AAD_ALLOWED_TENANTS is the Entra apps' home tenant (AAD_APP_TENANT_ID, which the
    // samples set apart from the subscription's tenant), so it is neither empty nor the wrong one.
    const file = readAzureTemplate();
    expect(sampleAppSettings(file).get('AAD_ALLOWED_TENANTS')).toBe(sampleTenants.entra);

    // Local: the server's .env admits the tenant aadApp/create signed in to.
    const local = readToolkitProject('teamsapp.local.yml');
    const [envFile] = stepsUsing(local, 'file/createOrUpdateEnvironmentFile', 'deploy');
    expect((envFile?.with.envs as Record<string, unknown> | undefined)?.AAD_ALLOWED_TENANTS).toBe(
      '${{AAD_APP_TENANT_ID}}',
    );
  });
});
