import { Module } from '@nestjs/common';
import { ListsController } from '../plans/lists.controller.js';
import { ListsService } from '../plans/lists.service.js';

@Module({
  controllers: [ListsController],
  providers: [ListsService],
  exports: [ListsService],
})
export class ListsModule {}
