import { Global, Module } from '@nestjs/common';
import { HeavyWork } from './heavy-work.js';

/** The pool for heavy work (heavy-work.ts), one per process, for every module's heavy routes. */
@Global()
@Module({ providers: [HeavyWork], exports: [HeavyWork] })
export class HeavyModule {}
