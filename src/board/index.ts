/** board: the module's public face — what other modules may use (docs/architecture.md). */
export { BOARD_ENTITIES, BoardModule } from './board.module.js';
export { DashboardService } from './dashboard.service.js';
export { type AttractionBlock, type ChainRow, type Dashboard, type Rated, type Rating, type RedListItem, type RedListKind, type RegionRow } from './dashboard.types.js';
export { BOARD_FIGURES_FORMAT, BoardFigures } from './board-figures.js';
export { type ListedProjectRow } from './board-rows.js';
