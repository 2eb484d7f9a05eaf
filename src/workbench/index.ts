/** workbench: the module's public face — what other modules may use (docs/architecture.md). */
export { WorkbenchModule } from './workbench.module.js';
export { mountWorkbench } from './workbench.static.js';
