import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './config/index.js';
import { dataSourceOptions } from './database/index.js';
import { ENTITIES } from './entities.js';

/** The data source the TypeORM CLI uses (migration:generate, migration:run). */
export default new DataSource(dataSourceOptions(loadConfig().database, ENTITIES));
