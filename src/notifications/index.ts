/** notifications: the module's public face — what other modules may use (docs/architecture.md). */
export { ChannelsService, type ChannelView } from './channels.service.js';
export { NOTIFICATION_ENTITIES } from './notice.entities.js';
export type { ChannelType, DeliveryStatus } from './labels.js';
export { NotificationsModule } from './notifications.module.js';
export { NotificationsService, type DeliveryView, type InboxView, type RunResult } from './notifications.service.js';
