import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../people/index.js';
import { PlansModule } from '../plans/index.js';
import { ReferenceModule } from '../reference/index.js';
import { BoardChainsController } from './board-chains.controller.js';
import { BOARD_FIGURE_ENTITIES } from './board-figures.entities.js';
import { BoardFigures } from './board-figures.js';
import { BoardController } from './board.controller.js';
import { ChainPageService } from './chain-page.service.js';
import { DashboardService } from './dashboard.service.js';
import { RatingOverride } from './rating-override.entity.js';
import { RatingsService } from './ratings.service.js';

export const BOARD_ENTITIES = [RatingOverride, ...BOARD_FIGURE_ENTITIES];

/** The target board (挂图作战): the dashboard of a year and month, its curve and projects, 蓝黄红 overrides, each chain's page. */
@Module({
  imports: [TypeOrmModule.forFeature(BOARD_ENTITIES), ReferenceModule, PlansModule, PeopleModule],
  controllers: [BoardController, BoardChainsController],
  providers: [DashboardService, RatingsService, ChainPageService, BoardFigures],
  exports: [DashboardService, BoardFigures],
})
export class BoardModule {}
