/** war-room: the module's public face — what other modules may use (docs/architecture.md). */
export { mountWarRoom } from './war-room.static.js';
