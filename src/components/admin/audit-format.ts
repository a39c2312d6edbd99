import type { AuditAction } from '@/types/audit';

/** What each audit action reads as in the log. */
export const AUDIT_LABELS: Record<AuditAction, string> = {
  'channel.create': 'Channel created',
  'channel.update': 'Channel changed',
  'channel.delete': 'Channel deleted',
  'channel.djs': "Channel's DJs changed",
  'account.create': 'Account created',
  'account.delete': 'Account deleted',
  'account.disable': 'Account disabled',
  'account.enable': 'Account enabled',
  'account.update': 'Account changed',
  'account.role': 'Role changed',
  'account.password_reset': 'Password reset by an admin',
  'account.password_change': 'Password changed',
  'station.update': 'Station look changed',
  'station.logo': 'Station logo changed',
  'set.hide': 'Set hidden from the archive',
  'set.show': 'Set shown in the archive again',
  'set.delete': 'Set deleted',
  'set.autodj_pick': "Set added to AutoDJ's list",
  'set.autodj_unpick': "Set taken off AutoDJ's list",
  'slot.create': 'Slot created',
  'slot.update': 'Slot changed',
  'slot.delete': 'Slot deleted',
  'slot.cancel_occurrence': 'Occurrence cancelled',
  'slot.move_occurrence': 'Occurrence moved',
  'slot.restore_occurrence': 'Occurrence restored',
  override: 'Admin went live (override)',
  kick: 'Kick',
  'enforce.slot_start': 'Slot started',
  'enforce.slot_end': 'Slot ended',
  'enforce.handover': 'Handover',
  'enforce.removed': 'Removed from air',
};

export type DetailPart = { text: string } | { instant: string };

const INSTANT_RE = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z/g;

/** A detail text cut into plain text and UTC instants (ISO, ending in Z), which the viewer sees in their own zone. */
export function splitInstants(detail: string): DetailPart[] {
  const parts: DetailPart[] = [];
  let last = 0;
  for (const m of detail.matchAll(INSTANT_RE)) {
    if (m.index > last) parts.push({ text: detail.slice(last, m.index) });
    parts.push({ instant: m[0] });
    last = m.index + m[0].length;
  }
  if (last < detail.length) parts.push({ text: detail.slice(last) });
  return parts;
}

/** "3 Dec 2026, 17:05:09" in a zone (the viewer's, in the browser). */
export function formatInstant(iso: string, zone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}
