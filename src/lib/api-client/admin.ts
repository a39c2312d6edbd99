import type { AccountCreate, AccountInput, AccountSummary, AccountUpdate, AccountUpdateResponse, PasswordChange } from '@/types/account';
import type { ActionResponse } from '@/types/action';
import type { AuditListResponse } from '@/types/audit';
import type { ChannelInput } from '@/types/channel';
import type { ChannelDjsInput, ChannelDjsResponse, OccurrenceChange, SlotInput, SlotListResponse, SlotUpdate } from '@/types/schedule';
import type { Branding, BrandingInput } from '@/types/station';
import { fetchJson } from './fetch-json';
import { apiPaths } from './paths';
import { getJson, sendJson } from './request';

const admin = apiPaths.admin;

/** Name, tagline and accent (400 names the contrast a refused accent reached). */
export const updateBranding = (input: BrandingInput) => sendJson<Branding>(admin.station(), 'PUT', input);
/** The logo file as it is (PNG, JPEG or WebP, at most 256 KB); 415 for anything else. */
export const uploadLogo = (file: Blob) =>
  fetchJson<Branding>(admin.stationLogo(), {
    method: 'PUT',
    body: file,
    headers: { 'content-type': file.type || 'application/octet-stream' },
  });
export const removeLogo = () => sendJson<Branding>(admin.stationLogo(), 'DELETE');

/** First run: the station's first admin account. */
export const createFirstAdmin = (input: AccountInput) => sendJson<AccountSummary>(apiPaths.setup(), 'POST', input);

export const createAccount = (input: AccountCreate) => sendJson<AccountSummary>(admin.accounts(), 'POST', input);
export const deleteAccount = (id: string) => sendJson<null>(admin.account(id), 'DELETE');
/** Disabling signs the account out; its LiveKit side may still be pending (the action). */
export const setAccountDisabled = (id: string, disabled: boolean) =>
  sendJson<AccountUpdateResponse>(admin.account(id), 'PATCH', { disabled });
/** Name, email and role (409: email taken, or the last admin). */
export const updateAccount = (id: string, update: AccountUpdate) => sendJson<AccountUpdateResponse>(admin.account(id), 'PATCH', update);
/** Sets another account's password; its sessions end. */
export const resetPassword = (id: string, password: string) => sendJson<null>(admin.accountPassword(id), 'POST', { password });
/** One's own password, the current one required. */
export const changeOwnPassword = (input: PasswordChange) => sendJson<null>(apiPaths.ownPassword(), 'POST', input);

export const createChannel = (input: ChannelInput) => sendJson<unknown>(admin.channels(), 'POST', input);
export const updateChannel = (id: string, input: ChannelInput) => sendJson<unknown>(admin.channel(id), 'PATCH', input);
export const deleteChannel = (id: string) => sendJson<null>(admin.channel(id), 'DELETE');
/** Takes the channel's DJ off air; 202 while LiveKit's side is pending. */
export const kickChannel = (id: string) => sendJson<ActionResponse>(admin.channelKick(id), 'POST');
export const setChannelDjs = (id: string, input: ChannelDjsInput) => sendJson<ChannelDjsResponse>(admin.channelDjs(id), 'PUT', input);

export const listSlots = (channelId: string) => getJson<SlotListResponse>(admin.channelSlots(channelId));
export const createSlot = (channelId: string, input: SlotInput) => sendJson<unknown>(admin.channelSlots(channelId), 'POST', input);
export const updateSlot = (id: string, patch: SlotUpdate) => sendJson<unknown>(admin.slot(id), 'PATCH', patch);
export const deleteSlot = (id: string) => sendJson<null>(admin.slot(id), 'DELETE');
export const changeOccurrence = (slotId: string, change: OccurrenceChange) =>
  sendJson<unknown>(admin.slotOccurrences(slotId), 'POST', change);

export type AuditFilter = { channelId?: string; action?: string; before?: string | null; limit?: number };
export function listAudit(filter: AuditFilter, signal?: AbortSignal): Promise<AuditListResponse> {
  const query = new URLSearchParams({ limit: String(filter.limit ?? 50) });
  if (filter.channelId) query.set('channelId', filter.channelId);
  if (filter.action) query.set('action', filter.action);
  if (filter.before) query.set('before', filter.before);
  return getJson<AuditListResponse>(admin.audit(query), signal);
}
