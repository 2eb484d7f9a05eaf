import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Chain } from './chain.entity.js';
import { Department } from './department.entity.js';
import { DepartmentsService } from './departments.service.js';
import { ReferenceController } from './reference.controller.js';
import { ReferenceService } from './reference.service.js';
import { Region } from './region.entity.js';

export const REFERENCE_ENTITIES = [Region, Chain, Department];

/** The reference data: the eleven places, the twelve chains, the 要素保障 departments and what each handles. */
@Module({
  imports: [TypeOrmModule.forFeature(REFERENCE_ENTITIES)],
  controllers: [ReferenceController],
  providers: [ReferenceService, DepartmentsService],
  exports: [ReferenceService, DepartmentsService],
})
export class ReferenceModule {}
