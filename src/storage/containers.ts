/**
 * The containers of the Lastmile database and their partition keys (DESIGN.md). Tenant data lives in
 * `/tenantId` partitions; high-volume containers partition by `tenantId:isoWeek` (or a queue key) in `pk`.
 */
export const containerDefinitions = {
  prompts: { partitionKeyPath: '/tenantId' },
  people: { partitionKeyPath: '/tenantId' },
  program: { partitionKeyPath: '/tenantId' },
  feedback: { partitionKeyPath: '/tenantId' },
  activity: { partitionKeyPath: '/pk' },
  rollups: { partitionKeyPath: '/pk' },
  deliveries: { partitionKeyPath: '/pk' },
} as const;

export type ContainerName = keyof typeof containerDefinitions;

export const containerNames = Object.keys(containerDefinitions) as ContainerName[];
