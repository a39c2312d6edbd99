import type { ActionListResponse, ActionResponse } from '@/types/action';
import { apiPaths } from './paths';
import { getJson, sendJson } from './request';

/** Actions whose LiveKit side the background loop finishes (kick, disable, New key, remove). */
export const getAction = (id: string, signal?: AbortSignal) => getJson<ActionResponse>(apiPaths.action(id), signal);
export const retryAction = (id: string) => sendJson<ActionResponse>(apiPaths.actionRetry(id), 'POST');
export const listUnfinishedActions = (signal?: AbortSignal) => getJson<ActionListResponse>(apiPaths.admin.actions(), signal);
