import { Init1732200000000 } from './1732200000000-Init.js';
import { TargetBoard1732300000000 } from './1732300000000-TargetBoard.js';
import { Access1732400000000 } from './1732400000000-Access.js';
import { Audit1732500000000 } from './1732500000000-Audit.js';
import { YearPlans1732600000000 } from './1732600000000-YearPlans.js';
import { ImportTolerance1732605000000 } from './1732605000000-ImportTolerance.js';
import { Sessions1732613000000 } from './1732613000000-Sessions.js';
import { Attraction1733200000000 } from './1733200000000-Attraction.js';
import { Operations1732900000000 } from './1732900000000-Operations.js';
import { Figures1733000000000 } from './1733000000000-Figures.js';
import { Requests1733100000000 } from './1733100000000-Requests.js';
import { ConditionalByDefault1734000000000 } from './1734000000000-ConditionalByDefault.js';
import { UserOfficeName1734010000000 } from './1734010000000-UserOfficeName.js';
import { Responsibility1734200000000 } from './1734200000000-Responsibility.js';
import { SecurityLog1734300000000 } from './1734300000000-SecurityLog.js';
import { ProblemLoop1734400000000 } from './1734400000000-ProblemLoop.js';
import { Notifications1734600000000 } from './1734600000000-Notifications.js';
import { CountedIndicators1734700000000 } from './1734700000000-CountedIndicators.js';
import { Jobs1734900000000 } from './1734900000000-Jobs.js';
import { Milestones1734500000000 } from './1734500000000-Milestones.js';
import { BulletinCommentary1734510000000 } from './1734510000000-BulletinCommentary.js';
import { BoardFigures1734910000000 } from './1734910000000-BoardFigures.js';
import { BoardIndexes1735000000000 } from './1735000000000-BoardIndexes.js';

/** Every migration class, in order: one list for the app, the tests and the CLI. */
export const MIGRATIONS = [Init1732200000000, TargetBoard1732300000000, Access1732400000000, Audit1732500000000, YearPlans1732600000000, ImportTolerance1732605000000, Sessions1732613000000, Operations1732900000000, Figures1733000000000, Requests1733100000000, Attraction1733200000000, ConditionalByDefault1734000000000, UserOfficeName1734010000000, Responsibility1734200000000, SecurityLog1734300000000, ProblemLoop1734400000000, Milestones1734500000000, BulletinCommentary1734510000000, Notifications1734600000000, CountedIndicators1734700000000, Jobs1734900000000, BoardFigures1734910000000, BoardIndexes1735000000000];
