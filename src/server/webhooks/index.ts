// LiveKit webhooks: verified, then dispatched to the areas they concern.
import 'server-only';
export { receiveWebhook } from './receive';
