import { Badge } from '@/components/ui/Badge';

/** ON AIR lamp when live, a quiet "Off air" label otherwise, "Status unknown" when the station cannot tell. */
export function LiveBadge({ onAir, known = true, replay = false }: { onAir: boolean; known?: boolean; replay?: boolean }) {
  if (!known) {
    return (
      <Badge tone="warning" data-testid="channel-status-unknown">
        Status unknown
      </Badge>
    );
  }
  if (!onAir && replay) {
    return (
      <Badge tone="neutral" data-testid="channel-replay-badge">
        Replay
      </Badge>
    );
  }
  if (!onAir) return <Badge tone="neutral">Off air</Badge>;
  return (
    <Badge tone="live" pulse data-testid="channel-live-badge">
      <span aria-hidden="true" className="size-1.5 rounded-full bg-white" />
      On air
    </Badge>
  );
}
