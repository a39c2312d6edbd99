import { z } from './zod';

/** Admin (and DJ) actions whose LiveKit side the background loop finishes. */
export const ACTION_KINDS = ['kick', 'disable', 'rotate', 'remove'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** pending: LiveKit work remains (retried with backoff); done; failed: gave up, an admin may retry. */
export const ACTION_STATES = ['pending', 'done', 'failed'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

export type ActionView = {
  id: string;
  kind: ActionKind;
  status: ActionState;
  attempts: number;
  /** The last failure as a plain message (no stack), or null. */
  lastError: string | null;
  /** When the next attempt is due while pending. */
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** What an action route answers: 200 when LiveKit's side is done too, 202 while it is pending or failed. */
export type ActionResponse = { action: ActionView };
/** GET /api/admin/actions: the actions whose LiveKit side is not done. */
export type ActionListResponse = { actions: ActionView[] };

export const actionIdParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9]+$/i, 'id has invalid characters'),
});

/** The action as the admin pressed it (the button's name). */
export const ACTION_LABELS: Record<ActionKind, string> = {
  kick: 'Kick',
  disable: 'Disable account',
  rotate: 'New key',
  remove: 'Remove input',
};

/** An action's state in a few words (the title of its message). */
export const actionStateTitle = (status: ActionState): string =>
  status === 'failed' ? 'Not finished in LiveKit' : status === 'pending' ? 'Still finishing in LiveKit' : 'Done';

/** What the UI says about an action's LiveKit side. */
export function actionStateText(action: Pick<ActionView, 'status' | 'lastError' | 'kind'>): string {
  const what: Record<ActionKind, string> = {
    kick: 'Taking the DJ off air in LiveKit',
    disable: 'Disconnecting the account in LiveKit',
    rotate: 'Replacing the stream key in LiveKit',
    remove: 'Removing the input in LiveKit',
  };
  if (action.status === 'done') return 'Done.';
  if (action.status === 'pending')
    return `${what[action.kind]}: still pending, retrying by itself${action.lastError ? ` (last error: ${action.lastError})` : ''}.`;
  return `${what[action.kind]} failed${action.lastError ? `: ${action.lastError}` : ''}. The database side is done; retry to finish it.`;
}
