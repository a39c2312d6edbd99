// New key and Remove + re-create during live OBS pushes, many times in a row:
// livekit-server v1.13.5 used to panic when an ingress was deleted while
// streaming (issue 13). The app now stops an active ingress before deleting it,
// and the server carries the nil-state patch; this checks LiveKit stays up:
// its API answers after every action, the harness's supervisor saw no exit
// (same pid), and its log holds no Go panic. Real ffmpeg pushes over RTMP.
import path from 'node:path';
import { IngressClient, RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelRoom } from '@/types/room';
import type { ActionResponse } from '@/types/action';
import type { IngressEndpoint } from '@/types/ingress';
import { findGoPanic, logSize, readFrom } from '../../scripts/stack/livekit-log';
import { AppClient, createChannel, createDj, signedInAdmin } from '../support/app-client';
import { hasExited, type Push, pushRtmp } from '../support/obs';
import { actionDone, rotateKey } from '../support/actions';
import { scheduleNow } from '../support/schedule';
import { livekitHttpUrl, stackEnv } from '../support/stack-env';

const ROUNDS = 20;
/** Push to a publishing ingress: about 2-5 s here; margin for a loaded machine. */
const ACTIVE_TIMEOUT = 25_000;
/** IngressState.Status: 1 buffering, 2 publishing. Every fourth round may act while still buffering (also racy). */
const BUFFERING = 1;
const PUBLISHING = 2;

const env = stackEnv();
const roomService = new RoomServiceClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
const ingressApi = new IngressClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
const pushes: Push[] = [];

type SupervisorStatus = { running: boolean; pid: number | undefined; unexpectedExits: unknown[] };

async function supervisor(): Promise<SupervisorStatus> {
  const url = process.env.STACK_CONTROL_URL;
  if (!url) throw new Error('STACK_CONTROL_URL is missing: run through scripts/with-stack.ts');
  const res = await fetch(new URL('livekit/status', url));
  expect(res.status).toBe(200);
  return (await res.json()) as SupervisorStatus;
}

const livekitLog = () => path.join(process.env.STACK_DIR ?? '', 'livekit.log');

/** LiveKit's state for the ingress behind a key: 1 buffering, 2 publishing (IngressState.Status). */
async function statusOf(channelId: string, streamKey: string): Promise<number | undefined> {
  const all = await ingressApi.listIngress({ roomName: channelRoom(channelId) });
  const info = all.find((i) => i.streamKey === streamKey);
  return info ? Number(info.state?.status ?? 0) : undefined;
}

let admin: AppClient;
let dj: AppClient;
let channelId: string;
let logStart = 0;
let before: SupervisorStatus;

beforeAll(async () => {
  admin = await signedInAdmin();
  channelId = (await createChannel(admin, 'obs-stress')).id;
  const made = await createDj(admin, 'DJ Stress');
  dj = made.dj;
  await scheduleNow(admin, channelId, made.account.id);
  logStart = logSize(livekitLog());
  before = await supervisor();
  expect(before.running).toBe(true);
});

afterAll(async () => {
  await Promise.all(pushes.map((p) => p.stop()));
});

describe('rotating and removing OBS inputs during live pushes', () => {
  it(`keeps LiveKit up through ${ROUNDS} rounds of New key / Remove + re-create while streaming`, { timeout: 600_000 }, async () => {
    const created = await dj.request<IngressEndpoint>('POST', '/api/livekit/ingress', { channelId, inputType: 'rtmp' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    let endpoint = created.body;
    const timings: { action: string; activeMs: number; actionMs: number; live: boolean }[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      const push = pushRtmp(endpoint);
      pushes.push(push);
      const t0 = Date.now();
      const wanted = round % 4 === 3 ? [BUFFERING, PUBLISHING] : [PUBLISHING];
      await expect
        .poll(async () => wanted.includes((await statusOf(channelId, endpoint.streamKey)) ?? 0), { timeout: ACTIVE_TIMEOUT, interval: 100 })
        .toBe(true);
      const live = (await statusOf(channelId, endpoint.streamKey)) === PUBLISHING;
      const t1 = Date.now();

      const action = round % 2 === 0 ? 'new key' : 'remove + create';
      if (action === 'new key') {
        // Waits until the loop finished LiveKit's side (the old ingress's stop and delete).
        const rotated = await rotateKey(dj, endpoint);
        expect(rotated.streamKey).not.toBe(endpoint.streamKey);
        endpoint = rotated;
      } else {
        const removed = await dj.request<ActionResponse | undefined>('DELETE', `/api/livekit/ingress/${endpoint.id}`);
        expect([202, 204], JSON.stringify(removed.body)).toContain(removed.status);
        if (removed.status === 202 && removed.body) await actionDone(dj, removed.body.action.id);
        const again = await dj.request<IngressEndpoint>('POST', '/api/livekit/ingress', { channelId, inputType: 'rtmp' });
        expect(again.status, JSON.stringify(again.body)).toBe(201);
        endpoint = again.body;
      }
      timings.push({ action, activeMs: t1 - t0, actionMs: Date.now() - t1, live });

      // LiveKit answers, and it is the same process: no crash, no restart.
      await expect(roomService.listRooms()).resolves.toBeInstanceOf(Array);
      const now = await supervisor();
      expect(now, `after round ${round + 1} (${action})`).toMatchObject({ running: true, pid: before.pid, unexpectedExits: [] });
      // The push on the old key ended.
      await expect.poll(() => hasExited(push), { timeout: 15_000 }).toBe(true);
    }

    expect(findGoPanic(readFrom(livekitLog(), logStart))).toBeNull();
    const ms = (xs: number[]) => `median ${xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]} ms, max ${Math.max(...xs)} ms`;
    console.log(
      `[stress] ${timings.length} rounds (${timings.filter((t) => t.live).length} publishing, the rest buffering when acted on); ` +
        `push to active: ${ms(timings.map((t) => t.activeMs))}; action answered: ${ms(timings.map((t) => t.actionMs))}`,
    );
  });
});
