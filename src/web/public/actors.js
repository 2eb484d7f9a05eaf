// @ts-check
// Who did it, as every history shows it: the office a user works for (单位名称), else its county,
// chain team or department, or the role's words; the system's own actors by name
// (GET /api/users/names, docs/access.md "Names in histories"). Loaded once per page; before it
// has loaded, or for an actor the server does not know, the recorded name stands.
import { api } from '/shared/api.js';

/** @typedef {import('/shared/types.js').ActorName} ActorName */

/** @type {Map<string, string>} */
const names = new Map();
/** @type {Promise<void> | null} */
let loading = null;

/** Loads the names (once; a refusal leaves the recorded names standing). */
export function loadActorNames() {
  if (loading) return loading;
  /** @type {Promise<ActorName[]>} */
  const read = api('/api/users/names');
  loading = read.then(
    (list) => {
      for (const { username, name } of list) names.set(username, name);
    },
    () => {},
  );
  return loading;
}

/** The name to show for a recorded actor: `cli:root` (a maintenance command run on the server) as `cli`. */
export function actorName(/** @type {string} */ actor) {
  return names.get(actor) ?? names.get(actor.split(':')[0]) ?? actor;
}
