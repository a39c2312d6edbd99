/** What /api/health decides from its probes; pure, unit tested (./check.ts gathers the inputs). */
export type HealthInputs = {
  database: boolean;
  livekit: boolean;
  /** Whether the channels' live state has been checked against LiveKit since it was last unknown. */
  liveStateKnown: boolean;
  /** Why on-air channels' live playlists fail, if they do. */
  hlsReasons: string[];
};

export type HealthVerdict = { status: 'ok' | 'degraded' | 'down'; reasons: string[] };

/**
 * Database is required to serve anything. LiveKit down, channels whose live state is still
 * unknown (the seconds after a LiveKit restart, before the reconciler has looked), or a failing
 * live playlist mean degraded: pages work, but what they say or play cannot be trusted yet.
 */
export function healthVerdict({ database, livekit, liveStateKnown, hlsReasons }: HealthInputs): HealthVerdict {
  const reasons: string[] = [];
  if (!database) reasons.push('database unreachable');
  if (!livekit) reasons.push('LiveKit unreachable');
  else if (!liveStateKnown) reasons.push('channels\u2019 live state unknown until it is checked against LiveKit again');
  reasons.push(...hlsReasons);
  return { status: !database ? 'down' : reasons.length === 0 ? 'ok' : 'degraded', reasons };
}
