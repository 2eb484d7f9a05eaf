import type { EntityManager } from 'typeorm';
import { AppSetting } from './app-setting.entity.js';

/** The app's own settings, by key (app_setting): what modules keep city-wide, read and written in the caller's transaction. */
export async function readSetting(manager: EntityManager, key: string): Promise<string | null> {
  return (await manager.findOneBy(AppSetting, { key }))?.value ?? null;
}

/** Sets a setting that exists (the migrations create them). */
export async function writeSetting(manager: EntityManager, key: string, value: string): Promise<void> {
  await manager.update(AppSetting, { key }, { value });
}

/** Stores a setting once: the first writer wins (a key generated at first start). */
export async function insertSettingOnce(manager: EntityManager, key: string, value: string): Promise<void> {
  if (!(await manager.existsBy(AppSetting, { key }))) await manager.insert(AppSetting, { key, value });
}
