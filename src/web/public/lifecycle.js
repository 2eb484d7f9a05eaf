// The stage timeline (储备 → 准备 → 实施 → 竣工) both pages draw, derived from a project's
// history: the date each main stage was last entered, and which step it stands on now.
import { shanghaiDate } from '/shared/format.js';

/** The latest date each main stage was entered, from the transitions (oldest first). */
export function stageDates(project, history) {
  const dates = { reserve: null, preparation: null, implementation: null, completed: null };
  for (const entry of history) {
    if (entry.kind === 'created') dates.reserve = entry.effectiveDate || shanghaiDate(entry.recordedAt);
    if (entry.kind !== 'transition') continue;
    const date = entry.effectiveDate || shanghaiDate(entry.recordedAt);
    if (entry.event === 'DEFER') dates.reserve = date;
    if (entry.event === 'PROMOTE') dates.preparation = date;
    if (entry.event === 'START') dates.implementation = date;
    if (entry.event === 'COMPLETE') dates.completed = date;
  }
  if (!dates.implementation && project.actualStartDate) dates.implementation = project.actualStartDate;
  if (!dates.completed && project.actualCompletionDate) dates.completed = project.actualCompletionDate;
  return dates;
}

/** The timeline step (0 储备 … 3 竣工) a stage stands on; a withdrawn project shows the last one it reached. */
export function currentStep(stage, dates) {
  if (stage === 'reserve') return 0;
  if (stage === 'preparation') return 1;
  if (stage.startsWith('implementation')) return 2;
  if (stage === 'completed') return 3;
  return dates.completed ? 3 : dates.implementation ? 2 : dates.preparation ? 1 : 0;
}
