import { Badge } from '@/components/ui/Badge';

/** ON AIR lamp when live, a quiet "Off air" label otherwise. */
export function LiveBadge({ onAir }: { onAir: boolean }) {
  if (!onAir) return <Badge tone="neutral">Off air</Badge>;
  return (
    <Badge tone="live" pulse data-testid="channel-live-badge">
      <span aria-hidden="true" className="size-1.5 rounded-full bg-white" />
      On air
    </Badge>
  );
}
