import type { ActionResponse } from '@/types/action';
import type { LinkQuality, LinkReport } from '@/types/link-quality';
import type { RoomRole, IngressInputKind, TokenRequest, TokenResponse } from '@/types/room';
import type { IngressCreateRequest, IngressEndpoint, IngressListResponse, IngressRotateResponse } from '@/types/ingress';
import { fetchJson } from './fetch-json';
import { apiPaths } from './paths';
import { getJson, sendJson } from './request';

/** A fresh LiveKit token; never cached, because listener tokens are short-lived. */
export function fetchToken(channelId: string, role: RoomRole, signal?: AbortSignal): Promise<TokenResponse> {
  const body: TokenRequest = { channelId, role };
  return fetchJson<TokenResponse>(apiPaths.token(), { method: 'POST', body: JSON.stringify(body), cache: 'no-store', signal });
}

/** The signed-in DJ's OBS inputs on a channel. */
export const listIngress = (channelId: string, signal?: AbortSignal) =>
  getJson<IngressListResponse>(apiPaths.ingressList(channelId), signal);

export function createIngress(channelId: string, inputType: IngressInputKind): Promise<IngressEndpoint> {
  const body: IngressCreateRequest = { channelId, inputType };
  return sendJson<IngressEndpoint>(apiPaths.ingress(), 'POST', body);
}

/** 200: the new key; 202: LiveKit's side pending (the action to follow). */
export const rotateIngress = (id: string) => sendJson<IngressRotateResponse>(apiPaths.ingressRotate(id), 'POST');

/** 204 when gone at once (null), 202 with the action still removing it in LiveKit. */
export const removeIngress = (id: string) => sendJson<ActionResponse | null>(apiPaths.ingressInput(id), 'DELETE');

/** The on-air DJ's connection report; the server answers with the verdict it keeps. */
export const reportLinkQuality = (slug: string, report: LinkReport, signal?: AbortSignal) =>
  fetchJson<LinkQuality>(apiPaths.linkQuality(slug), { method: 'POST', body: JSON.stringify(report), cache: 'no-store', signal });
