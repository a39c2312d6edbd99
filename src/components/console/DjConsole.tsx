'use client';
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import type { ChannelState } from '@/types/live';
import type { Problem } from '@/lib/client/publishing/problems';
import { Button } from '@/components/ui/Button';
import { buttonClasses } from '@/components/ui/button-styles';
import { useAudioGraph } from '@/hooks/useAudioGraph';
import { useAudioInputs } from '@/hooks/useAudioInputs';
import { useProgramBus } from '@/hooks/useProgramBus';
import { useTempoAnalysis } from '@/hooks/useTempoAnalysis';
import { usePublishedTempo } from '@/hooks/usePublishedTempo';
import { TempoPanel } from '@/components/tempo/TempoPanel';
import { usePublishing } from '@/hooks/usePublishing';
import { useChannelStatus } from '@/hooks/useChannelStatus';
import { useInputStream } from '@/hooks/useInputStream';
import { useLeaveGuard } from '@/hooks/useLeaveGuard';
import { useConsoleSlots } from '@/hooks/useConsoleSlots';
import type { OccurrenceDto } from '@/types/schedule';
import { ObsPanel } from '@/components/obs/ObsPanel';
import { InputPanel } from './InputPanel';
import { OnAirPanel } from './OnAirPanel';
import { ConnectionPanel } from './ConnectionPanel';
import { NextSlotsPanel } from './NextSlotsPanel';
import { NowPlayingPanel } from './NowPlayingPanel';
import { withNextSlot } from './slot-text';

export type DjConsoleProps = {
  state: ChannelState;
  djName: string;
  userId: string;
  /** The channel's occurrences for the coming two weeks (all hosts: who follows matters). */
  occurrences: OccurrenceDto[];
  /** How long before a slot the server lets its DJ into the green room. */
  greenRoomMs: number;
};

/** The DJ console (client leaf of /dj/[slug]): input, meters, go live. */
export function DjConsole({ state: initialState, djName, ...schedule }: DjConsoleProps) {
  const initial = initialState.channel;
  const { channel, state } = useChannelStatus(initialState);
  const { inputs, labelled, refresh } = useAudioInputs();
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const capture = useInputStream(deviceId);
  const { graph, running, resume } = useAudioGraph(capture.stream);

  const getProgramTrack = useCallback(
    () => (capture.stream ? (graph?.output.stream.getAudioTracks()[0] ?? null) : null),
    [capture.stream, graph],
  );
  const publishing = usePublishing(initial.id, getProgramTrack);
  const onAir = publishing.phase === 'live' || publishing.phase === 'reconnecting';
  const bus = useProgramBus(graph, onAir);
  useLeaveGuard(onAir);
  const tempo = useTempoAnalysis(graph);
  usePublishedTempo(tempo.reading, publishing.phase === 'live', publishing.setAttributes);

  // Device names only appear once permission is granted, i.e. when the first stream opens.
  useEffect(() => {
    if (capture.stream) refresh();
  }, [capture.stream, refresh]);

  const activeDeviceId = deviceId ?? capture.stream?.getAudioTracks()[0]?.getSettings().deviceId ?? '';
  // A click is the moment the browser allows audio to start; go live whether it did or not.
  const goLive = () => resume().then(publishing.goLive, publishing.goLive);

  const ready = capture.stream !== null && graph !== null;
  const slots = useConsoleSlots({ slug: initial.slug, channelZone: channel.timeZone, ...schedule, publishing, ready, resume });

  // One error slot: a broken connection matters most, then a broken input.
  // After a slot end, the message says when the next slot starts.
  const error = withNextSlot(publishing.error ?? capture.error, slots.next, slots.now, slots.viewerZone);
  const phase = publishing.phase === 'idle' && capture.error ? 'error' : publishing.phase;
  const errorAction = errorActionFor(error, initial.slug, !publishing.error && capture.error ? capture.retry : null);

  return (
    <div className="flex flex-col gap-6">
      <ConsoleHeader djName={djName} channelName={channel.name} slug={initial.slug} />
      <OnAirPanel
        phase={phase}
        error={error}
        errorAction={errorAction}
        liveSince={publishing.liveSince}
        slot={slots.window}
        follow={slots.follow}
        listeners={channel.live.listeners}
        ready={ready}
        onGoLive={goLive}
        onStop={slots.stop}
      />
      <NowPlayingPanel slug={initial.slug} onAir={onAir || channel.live.onAir} nowPlaying={state.extras.nowPlaying} />
      {onAir && <ConnectionPanel slug={initial.slug} live={publishing.phase === 'live'} readStats={publishing.senderStats} />}
      <NextSlotsPanel {...slots.panel} />
      <InputPanel
        inputs={inputs}
        labelled={labelled}
        deviceId={activeDeviceId}
        onDeviceChange={(id) => setDeviceId(id || null)}
        bus={bus}
        suspended={graph !== null && !running}
        onResume={() => void resume()}
      />
      <TempoPanel tempo={tempo} />
      <ObsPanel channelId={initial.id} />
    </div>
  );
}

/** The one way out of the error shown: sign in again, or retry the input. */
function errorActionFor(error: Problem | null, slug: string, retryInput: (() => void) | null) {
  if (error?.kind === 'signed-out') {
    return (
      <Link href={`/sign-in?next=${encodeURIComponent(`/dj/${slug}`)}`} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
        Sign in
      </Link>
    );
  }
  if (!retryInput) return undefined;
  return (
    <Button variant="secondary" size="sm" onClick={retryInput}>
      Try again
    </Button>
  );
}

function ConsoleHeader({ djName, channelName, slug }: { djName: string; channelName: string; slug: string }) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <p className="text-xs font-semibold tracking-widest text-muted uppercase">DJ console · {djName}</p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight">{channelName}</h1>
      </div>
      <Link href={`/c/${slug}`} target="_blank" className={buttonClasses({ variant: 'ghost', size: 'sm' })}>
        Open listener page ↗
      </Link>
    </header>
  );
}
