// Lastmile in Azure: one Linux App Service running the Node 20 server (bot at /api/messages, tab at
// /, REST at /api/*), Azure Cosmos DB reached with the app's managed identity (no keys anywhere),
// the Azure Bot registration with the Teams channel, Key Vault for the bot's client secret, and
// Log Analytics + Application Insights. Deployed by `teamsapp provision` (teamsapp.yml, arm/deploy)
// with infra/azure.parameters.json; its outputs are written back to env/.env.<env>.
targetScope = 'resourceGroup'

@minLength(4)
@maxLength(20)
@description('Base of every resource name: lower-case letters and digits (the toolkit appends RESOURCE_SUFFIX).')
param resourceBaseName string

@description('Region for everything but the bot registration, which is global.')
param location string = resourceGroup().location

@description('App Service plan SKU (Linux). B1 is the smallest with Always On; P0v3 or larger for production.')
param webAppSku string = 'B1'

@minValue(1)
@maxValue(10)
@description('App Service instances. The server is stateless and the delivery queue lives in Cosmos DB, so instances share the work.')
param webAppInstanceCount int = 1

@maxLength(42)
@description('Display name of the Azure Bot.')
param botDisplayName string

@description('Client id of the bot\'s Entra app (botAadApp/create writes it as BOT_ID).')
param botAadAppClientId string

@secure()
@description('Client secret of the bot\'s Entra app. Stored in Key Vault only; the web app reads it through a Key Vault reference.')
param botAadAppClientSecret string

@allowed([
  'SingleTenant'
  'MultiTenant'
])
@description('Bot identity type. Azure no longer creates new multi-tenant bots, so SingleTenant is the default.')
param msaAppType string = 'SingleTenant'

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot SKU: Teams is a standard channel, free on F0.')
param botServiceSku string = 'F0'

@description('Client id of the tab\'s Entra app for Teams SSO (aadApp/create writes it as AAD_APP_CLIENT_ID).')
param aadAppClientId string

// The Entra apps live in the Microsoft 365 tenant the toolkit signed in to, which need not be the
// tenant of the Azure subscription: tenant().tenantId would be the wrong one then.
@description('Home tenant of both Entra apps (aadApp/create writes it as AAD_APP_TENANT_ID).')
param entraTenantId string

@description('Comma-separated Entra tenant ids whose users may sign in; empty allows any tenant. The SSO app accepts every organisation (AzureADMultipleOrgs), so this is what keeps other tenants out.')
param aadAllowedTenants string = entraTenantId

@description('Serverless Cosmos DB (pay per request). Set false for provisioned autoscale throughput.')
param cosmosServerless bool = true

@minValue(1000)
@description('Autoscale maximum RU/s shared by the database\'s containers when cosmosServerless is false.')
param cosmosAutoscaleMaxThroughput int = 1000

@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

var baseName = toLower(resourceBaseName)
var cosmosDatabaseName = 'lastmile'

// Partition keys as DESIGN.md sizes them: per tenant, or per tenant and ISO week for the high-volume ones.
var cosmosContainers = [
  { name: 'prompts', partitionKey: '/tenantId' }
  { name: 'people', partitionKey: '/tenantId' }
  { name: 'program', partitionKey: '/tenantId' }
  { name: 'feedback', partitionKey: '/tenantId' }
  { name: 'activity', partitionKey: '/pk' }
  { name: 'rollups', partitionKey: '/pk' }
  { name: 'deliveries', partitionKey: '/pk' }
]

// Built-in role ids: Cosmos DB Built-in Data Contributor (data plane) and Key Vault Secrets User.
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

// ---------------------------------------------------------------- monitoring

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${baseName}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    IngestionMode: 'LogAnalytics'
  }
}

// ---------------------------------------------------------------- Cosmos DB

resource cosmosAccount 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: 'cosmos-${baseName}'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: cosmosServerless ? [{ name: 'EnableServerless' }] : []
    // Entra ID only: no account keys, and metadata (databases, containers) changes only through ARM.
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource cosmosDatabase 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmosAccount
  name: cosmosDatabaseName
  properties: {
    resource: {
      id: cosmosDatabaseName
    }
    // Serverless accounts reject any throughput setting.
    options: cosmosServerless ? {} : { autoscaleSettings: { maxThroughput: cosmosAutoscaleMaxThroughput } }
  }
}

resource cosmosContainerResources 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in cosmosContainers: {
    parent: cosmosDatabase
    name: container.name
    properties: {
      resource: {
        id: container.name
        partitionKey: {
          paths: [container.partitionKey]
          kind: 'Hash'
          version: 2
        }
      }
      options: {}
    }
  }
]

// ---------------------------------------------------------------- App Service

resource appServicePlan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${baseName}'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: webAppInstanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-${baseName}'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: appServicePlan.id
    httpsOnly: true
    clientAffinityEnabled: false // stateless: any instance can serve any request
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // Deploy ships the built dist/ and production dependencies, so run the server directly
      // rather than `npm start`, which would build again.
      appCommandLine: 'node dist/src/server.js'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/healthz'
    }
  }
}

// Deployment uses Entra ID (teamsapp zip deploy asks for a management token), so no publishing
// passwords are needed.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// ---------------------------------------------------------------- Key Vault

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('kv-${baseName}', 24)
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'bot-password'
  properties: {
    value: botAadAppClientSecret
    contentType: 'Client secret of the bot Entra app'
  }
}

// ---------------------------------------------------------------- access for the web app's identity

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, webApp.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmosAccount
  name: guid(cosmosAccount.id, webApp.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmosAccount.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: webApp.identity.principalId
    scope: cosmosAccount.id
  }
}

// ---------------------------------------------------------------- app settings

// A separate resource, so the settings can name the site's own host name and are applied only
// once the identity can read the secret and the database exists.
resource webAppSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    NODE_ENV: 'production'
    LOG_LEVEL: 'info'
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    COSMOS_ENDPOINT: cosmosAccount.properties.documentEndpoint
    COSMOS_DATABASE: cosmosDatabaseName
    BOT_ID: botAadAppClientId
    BOT_PASSWORD: '@Microsoft.KeyVault(SecretUri=${botPasswordSecret.properties.secretUri})'
    BOT_TYPE: msaAppType
    BOT_TENANT_ID: entraTenantId
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_ID_URI: 'api://${webApp.properties.defaultHostName}/${aadAppClientId}'
    AAD_ALLOWED_TENANTS: aadAllowedTenants
    TAB_ENDPOINT: 'https://${webApp.properties.defaultHostName}'
    // The server exports traces and metrics itself (@azure/monitor-opentelemetry); the codeless
    // agent (ApplicationInsightsAgent_EXTENSION_VERSION) would instrument it a second time.
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  }
  dependsOn: [
    keyVaultSecretsUser
    cosmosDataContributor
    cosmosContainerResources
  ]
}

resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: webApp
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

// ---------------------------------------------------------------- Azure Bot

var botServiceProperties = {
  displayName: botDisplayName
  endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
  msaAppId: botAadAppClientId
  msaAppType: msaAppType
}

// A tenant id belongs only to single-tenant bots: the bot's Entra app's home tenant.
var botTenantProperties = msaAppType == 'SingleTenant' ? { msaAppTenantId: entraTenantId } : {}

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${baseName}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: union(botServiceProperties, botTenantProperties)
}

resource botTeamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// ---------------------------------------------------------------- outputs (written to env/.env.<env>)

output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output COSMOS_ENDPOINT string = cosmosAccount.properties.documentEndpoint
output AZURE_KEY_VAULT_NAME string = keyVault.name
