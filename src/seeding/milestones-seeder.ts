import { Injectable } from '@nestjs/common';
import { Clock } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { Project } from '../project-records/index.js';
import { ProjectsService } from '../projects/index.js';

/**
 * DEMO ONLY (illustrative, seeds/demo-milestones.ts): five projects' milestones, entered in April 2024
 * and each reached on its day, as far as the demo has happened, through the same path as
 * `PUT /api/projects/:id/milestones` (ProjectsService.putMilestonesIn: history, audit, derived curve)
 * at backdated instants. Loaded with the demo, into a database without projects.
 */
@Injectable()
export class MilestonesSeeder {
  constructor(
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly projects: ProjectsService,
  ) {}

  async seedDemo(actor: string): Promise<number> {
    const demo = await import('../../seeds/demo-milestones.js');
    const now = this.clock.nowIso();
    let steps = 0;
    await this.writes.run(async (manager) => {
      for (const item of demo.DEMO_MILESTONES) {
        const { id } = await manager.findOneByOrFail(Project, { name: item.project });
        for (const step of demo.milestoneSteps(item, now)) {
          const project = await manager.findOneByOrFail(Project, { id });
          if ((await this.projects.putMilestonesIn(manager, project, step.milestones, { actor, at: step.at })).changed) steps++;
        }
      }
    });
    return steps;
  }
}
