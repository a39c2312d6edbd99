import { z } from './zod';

export const AUDIT_ACTIONS = [
  'channel.create',
  'channel.update',
  'channel.delete',
  'channel.djs',
  'account.create',
  'account.delete',
  'account.disable',
  'account.enable',
  'account.update',
  'account.role',
  'account.password_reset',
  'account.password_change',
  'station.update',
  'station.logo',
  'slot.create',
  'slot.update',
  'slot.delete',
  'slot.cancel_occurrence',
  'slot.move_occurrence',
  'slot.restore_occurrence',
  'set.hide',
  'set.show',
  'set.delete',
  'set.autodj_pick',
  'set.autodj_unpick',
  'override',
  'kick',
  'enforce.slot_start',
  'enforce.slot_end',
  'enforce.handover',
  'enforce.removed',
] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditQuerySchema = z.strictObject({
  channelId: z.string().min(1).max(64).optional(),
  action: auditActionSchema.optional(),
  /** A user id, or "station" for enforcement entries. */
  actor: z.string().min(1).max(64).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export type AuditEntryDto = {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  action: AuditAction;
  channel: { id: string; name: string } | null;
  detail: string;
};
export type AuditListResponse = { entries: AuditEntryDto[]; nextBefore: string | null };
