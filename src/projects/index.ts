/** projects: the module's public face — what other modules may use (docs/architecture.md). */
export { ListProjectsQuery } from './dto/list-projects.query.js';
export { LifecycleEngine } from './lifecycle.engine.js';
export { ProjectView, toView } from './project.view.js';
export { ProjectsModule } from './projects.module.js';
export { ProjectsService } from './projects.service.js';
