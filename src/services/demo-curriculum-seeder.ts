import { demoCurriculum } from '../domain/demo-curriculum.js';
import { buildDemoTenant, demoFixedPeople, demoTenantId } from '../domain/demo-tenant.js';
import type { CurriculumService } from './curriculum-service.js';
import { demoCallerOf, skipExisting } from './demo-library-seeder.js';

export interface DemoCurriculumPorts {
  readonly curriculum: Pick<CurriculumService, 'create'>;
  readonly marker: {
    has(tenantId: string, name: string): Promise<boolean>;
    set(tenantId: string, name: string, at: Date): Promise<void>;
  };
}

const markerName = 'demo-curriculum';

/**
 * Seeds the demo firm's curriculum (8 weeks of lessons per job family) through the curriculum
 * service, as the champion writes it in the tab. Runs after the library, whose tasks and prompts
 * the lessons link to; an interrupted seed finishes on the next start.
 */
export async function seedDemoCurriculum(
  ports: DemoCurriculumPorts,
  now: Date,
): Promise<{ seeded: boolean; lessons: number }> {
  if (await ports.marker.has(demoTenantId, markerName)) return { seeded: false, lessons: 0 };
  const champion = buildDemoTenant(now).people.find(
    (person) => person.upn === demoFixedPeople.champion.upn,
  );
  if (champion === undefined) throw new Error('The demo roster has no champion');
  const author = demoCallerOf(champion).identity;
  for (const { id, ...content } of demoCurriculum) {
    await skipExisting(() => ports.curriculum.create(author, content, { id }));
  }
  await ports.marker.set(demoTenantId, markerName, now);
  return { seeded: true, lessons: demoCurriculum.length };
}
