import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ALL } from '../access/index.js';
import { AuthService } from '../auth/index.js';
import { Clock } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { ChainActivitiesService, ChainResponsibilityService, PeopleService, Person, ProjectResponsibilityService } from '../people/index.js';
import { ListsService, PlansService } from '../plans/index.js';
import { Project } from '../project-records/index.js';

/**
 * DEMO ONLY (illustrative, seeds/demo-people.ts): the register of people, the five chains' "5个1"
 * for every year with a plan, the 包联 and 专员 of those chains' listed projects, two 链长
 * activities and two leader sign-ins, each through the same services as the API at a backdated
 * instant. Loaded once, into a database without people.
 */
@Injectable()
export class PeopleSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly people: PeopleService,
    private readonly chains: ChainResponsibilityService,
    private readonly projects: ProjectResponsibilityService,
    private readonly activities: ChainActivitiesService,
    private readonly plans: PlansService,
    private readonly lists: ListsService,
    private readonly auth: AuthService,
  ) {}

  async seedDemo(actor: string): Promise<number> {
    if ((await this.dataSource.getRepository(Person).count()) > 0) return 0;
    const demo = await import('../../seeds/demo-people.js');
    const now = this.clock.nowIso();
    const ids = new Map<string, number>();
    const years = (await this.plans.years()).map((plan) => plan.year).sort();
    const byName = new Map((await this.dataSource.getRepository(Project).find()).map((p) => [p.name, p]));
    await this.writes.run(async (manager) => {
      for (const { key, region, ...person } of demo.DEMO_PEOPLE)
        ids.set(key, (await this.people.createIn(manager, { ...person, region: region ?? null }, actor, demo.DEMO_PEOPLE_AT)).id);
      for (const year of years) {
        const at = year === 2024 ? demo.DEMO_POSTS_AT : `${year}-01-20T02:00:00.000Z`;
        if (at > now) continue;
        for (const duty of demo.DEMO_CHAIN_DUTIES)
          await this.chains.putIn(
            manager,
            duty.chain,
            year,
            { leaderId: ids.get(duty.leader)!, plan: { title: duty.plan.replace('（示例）', `（${year}年，示例）`), date: `${year}-01-15` }, measures: duty.measures, anchorEnterprises: duty.anchors },
            actor,
            ALL,
            at,
          );
      }
      // The posts on each listed project of the five chains, in the first planned year's lists.
      const listed = new Set((await this.lists.entries(years[0] ?? 2024)).map((entry) => entry.projectId));
      for (const project of byName.values()) {
        const duty = demo.DEMO_CHAIN_DUTIES.find((d) => d.chain === project.chainCode);
        if (!duty || !listed.has(project.id)) continue;
        const county = project.regionCode ? demo.DEMO_COUNTY_LEADERS[project.regionCode] : undefined;
        const contact = demo.DEMO_CONTACTS.find((c) => c.project === project.name);
        await this.projects.putIn(
          manager,
          project.id,
          {
            cityLeaderId: ids.get(duty.leader)!,
            ...(county ? { countyLeaderId: ids.get(county)! } : {}),
            ...(duty.commissioner ? { commissionerId: ids.get(duty.commissioner.key)!, commissionerKind: duty.commissioner.kind } : {}),
            ...(contact ? { contact: { name: contact.name, phone: contact.phone } } : {}),
          },
          actor,
          ALL,
          demo.DEMO_POSTS_AT,
        );
      }
      for (const activity of demo.DEMO_ACTIVITIES) {
        const at = `${activity.date}T09:00:00.000Z`;
        if (at > now) continue;
        const projectIds = activity.projects.flatMap((name) => (byName.has(name) ? [byName.get(name)!.id] : []));
        await this.activities.createIn(manager, activity.chain, { kind: activity.kind, date: activity.date, enterprises: activity.anchors, projectIds, findings: activity.findings }, actor, ALL, at);
      }
    });
    for (const user of demo.DEMO_LEADER_USERS)
      await this.auth.createUser({ username: user.username, password: user.password, role: 'leader', personId: ids.get(user.person)! }, actor);
    return demo.DEMO_PEOPLE.length;
  }
}
