import { fetchJson } from '@/lib/api-client/fetch-json';
import type { BroadcastRole, TokenRequest, TokenResponse } from '@/types/broadcast';

/** A fresh LiveKit token; never cached, because listener tokens are short-lived. */
export function fetchToken(channelId: string, role: BroadcastRole, signal?: AbortSignal): Promise<TokenResponse> {
  const body: TokenRequest = { channelId, role };
  return fetchJson<TokenResponse>('/api/livekit/token', {
    method: 'POST',
    body: JSON.stringify(body),
    cache: 'no-store',
    signal,
  });
}
