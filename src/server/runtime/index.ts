// The composition root of the background loop: every area's tasks, registered on one supervisor.
import 'server-only';
export { startBackgroundLoop } from './start';
