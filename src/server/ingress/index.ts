import 'server-only';
// OBS input (LiveKit Ingress over RTMP and WHIP): one public entry for the rest of the app.
export { deleteEndpoint, deleteEndpointsOf, finishRemove, finishRotate, rotateEndpoint } from './actions';
export { createEndpoint, listEndpoints } from './endpoints';
export { guardIngressWebhook } from './guard';
export { ingressMayPublish } from './policy';
export { ingressTask, obsHoldTask } from './task';
