// Publishing rules LiveKit cannot enforce itself (a channel carries audio only).
import 'server-only';
export { enforcePublishRules } from './rules';
